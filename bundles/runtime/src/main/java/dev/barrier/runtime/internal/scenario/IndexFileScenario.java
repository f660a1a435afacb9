package dev.barrier.runtime.internal.scenario;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.Subset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Forgets the training samples listed in a text file: one 0-based index per line, blank lines and lines
 * starting with {@code #} ignored. This is the "delete these records" case. Relative paths are resolved
 * against the pipeline file's folder.
 */
final class IndexFileScenario implements ForgetScenario {

    private final Path file;

    IndexFileScenario(Path file) {
        this.file = file;
    }

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
        if (!Files.isRegularFile(path)) {
            throw section.error("file", "index file not found: " + path);
        }
        return new IndexFileScenario(path.normalize());
    }

    @Override
    public ForgetSplit split(DatasetSplits data, long seed) {
        int n = data.train().size();
        int[] indices = read(n);
        boolean[] inForget = new boolean[n];
        for (int i : indices) {
            inForget[i] = true;
        }
        int[] retain = java.util.stream.IntStream.range(0, n).filter(i -> !inForget[i]).toArray();
        if (retain.length == 0) {
            throw new IllegalArgumentException(file + " lists every training sample; nothing would be retained");
        }
        return new ForgetSplit(indices.length + " listed samples (" + file.getFileName() + ")",
                new Subset("forget", data.train(), indices), new Subset("retain", data.train(), retain),
                Subset.all("test", data.test()), new Subset("test-forget", data.test(), new int[0]), new int[0]);
    }

    private int[] read(int trainSize) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index file " + file, e);
        }
        int[] indices = new int[lines.size()];
        int count = 0;
        for (int lineNumber = 1; lineNumber <= lines.size(); lineNumber++) {
            String line = lines.get(lineNumber - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(line);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": expected a sample index, got '" + line
                        + "'");
            }
            if (index < 0 || index >= trainSize) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": index " + index
                        + " is outside the training set, which has indices 0 to " + (trainSize - 1));
            }
            indices[count++] = index;
        }
        int[] result = Arrays.stream(indices, 0, count).sorted().distinct().toArray();
        if (result.length == 0) {
            throw new IllegalArgumentException(file + " lists no sample indices");
        }
        return result;
    }

    @Override
    public String describe() {
        return "indices from " + file;
    }
}
