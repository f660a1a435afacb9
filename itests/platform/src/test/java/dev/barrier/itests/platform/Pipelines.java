package dev.barrier.itests.platform;

import dev.barrier.api.report.ModelResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Pipeline files for the tests, and small readers of what a run leaves behind. */
final class Pipelines {

    /** Where the {@code dataset-fashion-mnist} package installs Fashion-MNIST. */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private Pipelines() {
    }

    /** Writes {@code yaml} to {@code home/pipelines/fileName} and returns the file's absolute path. */
    static Path write(Path home, String fileName, String yaml) throws IOException {
        Path folder = Files.createDirectories(home.resolve("pipelines"));
        Path file = folder.resolve(fileName).toAbsolutePath().normalize();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Returns the 1-based number of the only line of {@code yaml} that contains {@code fragment}.
     *
     * @throws IllegalArgumentException if no line or more than one line contains it
     */
    static int lineOf(String yaml, String fragment) {
        List<String> lines = yaml.lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                if (found != 0) {
                    throw new IllegalArgumentException("'" + fragment + "' is on lines " + found + " and " + (i + 1));
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("no line contains '" + fragment + "'");
        }
        return found;
    }

    /** Returns the names of the folders in {@code runStore}, or an empty list when it does not exist. */
    static List<String> runFolders(Path runStore) throws IOException {
        if (!Files.isDirectory(runStore)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(runStore)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Returns one metric of a results row.
     *
     * @throws AssertionError if the row has no such metric; the message lists the metrics it has
     */
    static double metric(ModelResult row, String key) {
        Double value = row.metrics().get(key);
        if (value == null) {
            throw new AssertionError("row '" + row.id() + "' has no metric " + key + "; metrics: " + row.metrics());
        }
        return value;
    }
}
