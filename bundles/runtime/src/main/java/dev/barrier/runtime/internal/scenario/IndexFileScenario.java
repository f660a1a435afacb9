package dev.barrier.runtime.internal.scenario;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.Subset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forgets the training samples listed in a text file: one 0-based index per line, blank lines and lines
 * starting with {@code #} ignored, an index listed twice counted once. This is the "delete these records" case. Relative paths are resolved
 * against the pipeline file's folder.
 */
final class IndexFileScenario implements ForgetScenario {

    /** How many malformed lines one error lists. */
    private static final int MAX_REPORTED_LINES = 10;

    private final Path file;
    private final int[] indices;

    private IndexFileScenario(Path file, int[] indices) {
        this.file = file;
        this.indices = indices;
    }

    /**
     * Reads the section and the index file it names, so that a malformed file is reported before any data is
     * read. Whether the indices exist in the training set is checked when the data is split.
     */
    static IndexFileScenario fromConfig(ConfigSection section) {
        String text = section.getString("file", null);
        if (text == null) {
            throw section.error("file", "forgetting by index needs 'file', a text file with one training-set index"
                    + " per line");
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            Path base = Path.of(section.location().source()).toAbsolutePath().getParent();
            path = base == null ? path.toAbsolutePath() : base.resolve(path);
        }
        path = path.normalize();
        if (!Files.isRegularFile(path)) {
            throw section.error("file", "index file not found: " + path);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw section.error("file", "cannot read index file " + path + ": " + e.getMessage());
        }
        int[] indices = new int[lines.size()];
        int count = 0;
        List<ConfigProblem> badLines = new ArrayList<>();
        for (int lineNumber = 1; lineNumber <= lines.size(); lineNumber++) {
            String line = lines.get(lineNumber - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int index = -1;
            try {
                index = Integer.parseInt(line);
            } catch (NumberFormatException e) {
                // Not a number: collected below with negative ones.
            }
            if (index < 0) {
                if (badLines.size() < MAX_REPORTED_LINES) {
                    badLines.add(section.problem("file", path + ":" + lineNumber + ": expected one sample index per"
                            + " line (a whole number from 0), got '" + line + "'"));
                }
                continue;
            }
            indices[count++] = index;
        }
        if (!badLines.isEmpty()) {
            throw new ConfigurationException(badLines);
        }
        int[] distinct = Arrays.stream(indices, 0, count).sorted().distinct().toArray();
        if (distinct.length == 0) {
            throw section.error("file", path + " lists no sample indices; expected one per line");
        }
        return new IndexFileScenario(path, distinct);
    }

    @Override
    public ForgetSplit split(DatasetSplits data, long seed) {
        int n = data.train().size();
        int largest = indices[indices.length - 1];
        if (largest >= n) {
            throw new IllegalArgumentException(file + ": index " + largest + " is outside the training set, which has"
                    + " indices 0 to " + (n - 1));
        }
        boolean[] inForget = new boolean[n];
        for (int i : indices) {
            inForget[i] = true;
        }
        int[] retain = java.util.stream.IntStream.range(0, n).filter(i -> !inForget[i]).toArray();
        if (retain.length == 0) {
            throw new IllegalArgumentException(file + " lists every training sample; nothing would be retained");
        }
        return new ForgetSplit(indices.length + " listed samples (" + file.getFileName() + ")",
                new Subset("forget", data.train(), indices.clone()), new Subset("retain", data.train(), retain),
                Subset.all("test", data.test()), new Subset("test-forget", data.test(), new int[0]), new int[0]);
    }

    @Override
    public String describe() {
        return "indices from " + file;
    }
}
