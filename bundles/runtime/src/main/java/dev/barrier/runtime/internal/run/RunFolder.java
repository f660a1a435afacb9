package dev.barrier.runtime.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The folder of one run and its {@code status.json}. The status is written atomically, so a reader sees
 * either the old or the new state; a run counts as finished only once its status says
 * {@link RunStatus#SUCCEEDED}.
 */
public final class RunFolder {

    /** The file that holds a run's state. */
    public static final String STATUS_FILE = "status.json";
    /** The file that holds a run's results. */
    public static final String METRICS_FILE = "metrics.json";
    /** The run's log. */
    public static final String LOG_FILE = "run.log";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final String id;

    private RunFolder(Path folder) {
        this.folder = folder;
        this.id = folder.getFileName().toString();
    }

    /** Opens an existing run folder. */
    public static RunFolder open(Path folder) {
        return new RunFolder(folder);
    }

    /**
     * Creates a new, empty run folder named after the time and the pipeline, adding {@code -2}, {@code -3} …
     * when that name is taken.
     */
    public static RunFolder create(Path store, String pipelineName, Instant started) throws IOException {
        Files.createDirectories(store);
        String base = ID_TIME.format(started) + "-" + pipelineName;
        for (int attempt = 1; attempt < 1000; attempt++) {
            Path candidate = store.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                Files.createDirectory(candidate);
                return new RunFolder(candidate);
            } catch (FileAlreadyExistsException e) {
                // Taken by an earlier run in the same second: try the next suffix.
            }
        }
        throw new IOException("cannot find a free run folder name for " + base + " in " + store);
    }

    /** Returns the run id (the folder name). */
    public String id() {
        return id;
    }

    /** Returns the folder. */
    public Path path() {
        return folder;
    }

    /** Returns a file inside the folder. */
    public Path resolve(String name) {
        return folder.resolve(name);
    }

    /** Writes the run's state atomically. */
    public void writeStatus(String name, RunStatus status, Instant started, Instant finished, String message,
            Path configFile) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("name", name);
        node.put("status", status.name().toLowerCase(Locale.ROOT));
        node.put("started", started.toString());
        if (finished != null) {
            node.put("finished", finished.toString());
        }
        node.put("pid", ProcessHandle.current().pid());
        node.put("message", message == null ? "" : message);
        if (configFile != null) {
            node.put("configFile", configFile.toString());
        }
        writeAtomically(resolve(STATUS_FILE), JSON.writeValueAsString(node));
    }

    /**
     * Reads the run's state. A folder whose status says running but whose process is gone is reported as
     * {@link RunStatus#INTERRUPTED}; a folder without a readable status is reported as failed.
     *
     * @param runningHere whether this process is running the run now
     */
    public RunRecord read(boolean runningHere) {
        Path statusFile = resolve(STATUS_FILE);
        Instant modified = Instant.EPOCH;
        try {
            modified = Files.getLastModifiedTime(folder).toInstant();
            JsonNode node = JSON.readTree(Files.readString(statusFile, StandardCharsets.UTF_8));
            RunStatus status = RunStatus.valueOf(node.path("status").asText("failed").toUpperCase(Locale.ROOT));
            long pid = node.path("pid").asLong(-1);
            if (status == RunStatus.RUNNING && !runningHere && !isAlive(pid)) {
                status = RunStatus.INTERRUPTED;
            }
            Instant started = Instant.parse(node.path("started").asText(modified.toString()));
            Instant finished = node.hasNonNull("finished") ? Instant.parse(node.get("finished").asText()) : null;
            String message = node.path("message").asText("");
            if (status == RunStatus.INTERRUPTED && message.isEmpty()) {
                message = "the process running it (pid " + pid + ") ended before the run finished";
            }
            return new RunRecord(id, node.path("name").asText(""), folder, status, started, finished, message);
        } catch (IOException | RuntimeException e) {
            return new RunRecord(id, "", folder, RunStatus.FAILED, modified, null,
                    "unreadable " + STATUS_FILE + ": " + e.getMessage());
        }
    }

    private static boolean isAlive(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Writes text to a temporary file beside {@code target}, then moves it into place. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
