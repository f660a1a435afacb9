package dev.barrier.runtime.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trained models, keyed by a hash of everything that determines them: the training data (the dataset's
 * fingerprint, plus a hash of the indices when a subset is used), the architecture and its settings, the input
 * shape and the training settings (seed included). A second request with the same key loads the model instead
 * of training it again. Files: {@code <cache>/models/<architecture>-<key>.model}, with a {@code .json} record
 * of the key's inputs and the training beside it.
 */
final class ModelCache {

    /** Bumped when the key's inputs change meaning, so old entries stop matching. */
    static final int KEY_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path folder;
    private final boolean enabled;

    /**
     * Creates the cache.
     *
     * @param cacheFolder the shared cache folder; models go to its {@code models} sub-folder
     * @param enabled     whether models are stored and reused; when false every request trains
     */
    ModelCache(Path cacheFolder, boolean enabled) {
        this.folder = cacheFolder.resolve("models");
        this.enabled = enabled;
    }

    /** A model with where it came from. */
    record Obtained(NetworkModel model, double trainingSeconds, String source) {
    }

    /**
     * Returns the model trained on {@code data}: from the cache, or trained now (and cached when enabled).
     * An unreadable cache entry is reported in the run log and replaced.
     *
     * @throws IllegalStateException if training diverges
     * @throws UncheckedIOException  if a trained model cannot be written to the cache
     */
    Obtained obtain(ModelAdapter adapter, Subset data, String purpose, RunContext context) {
        ImageDataset dataset = data.dataset();
        InputSpec spec = new InputSpec(dataset.channels(), dataset.height(), dataset.width(), dataset.numClasses());
        Map<String, Object> keyInputs = keyInputs(adapter, spec, data);
        Path file = modelFile(adapter, key(keyInputs));
        if (enabled && Files.isRegularFile(file)) {
            try {
                NetworkModel model = adapter.load(file, spec);
                context.log().info("{}: {} from the cache ({})", purpose, adapter.architecture(), file);
                return new Obtained(model, 0, "cache " + file.getFileName());
            } catch (IOException | IllegalArgumentException e) {
                context.log().warn("Ignoring unreadable cached model {}: {}", file, e.getMessage());
            }
        }

        context.log().info("{}: training {} ({}) on {} images", purpose, adapter.architecture(),
                adapter.training().toMap(), data.size());
        NetworkModel model = adapter.create(spec, adapter.training().seed());
        try {
            TrainingSummary summary = adapter.train(model, data, adapter.training(), context);
            if (summary.diverged()) {
                throw new IllegalStateException("training the " + purpose + " diverged: " + summary.divergence());
            }
            context.log().info("{}: trained in {} ({} steps)", purpose, ConsoleProgress.duration(summary.seconds()),
                    summary.steps());
            if (enabled) {
                Files.createDirectories(folder);
                adapter.save(model, file);
                Map<String, Object> training = new LinkedHashMap<>();
                training.put("seconds", summary.seconds());
                training.put("epochLosses", summary.epochLosses());
                training.put("run", context.runId());
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("keyInputs", keyInputs);
                metadata.put("training", training);
                RunFolder.writeAtomically(file.resolveSibling(file.getFileName() + ".json"),
                        new String(JSON.writeValueAsBytes(metadata), StandardCharsets.UTF_8));
                context.log().info("{}: cached as {}", purpose, file);
            }
            return new Obtained(model, summary.seconds(), "trained in this run");
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot write the trained model to the cache " + file, e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns what the key is computed from, as a sorted map. */
    static Map<String, Object> keyInputs(ModelAdapter adapter, InputSpec spec, Subset data) {
        Map<String, Object> inputs = new TreeMap<>();
        inputs.put("keyVersion", KEY_VERSION);
        inputs.put("architecture", adapter.architecture());
        inputs.put("settings", new TreeMap<>(adapter.settings()));
        inputs.put("training", new TreeMap<>(adapter.training().toMap()));
        inputs.put("input", spec.toString());
        inputs.put("data", dataFingerprint(data));
        return inputs;
    }

    /**
     * Returns the dataset's fingerprint when {@code data} holds every image of it once (in any order), else the
     * fingerprint followed by a hash of the sorted indices.
     */
    static String dataFingerprint(Subset data) {
        int[] indices = data.indices().clone();
        Arrays.sort(indices);
        boolean whole = indices.length == data.dataset().size();
        for (int i = 0; whole && i < indices.length; i++) {
            whole = indices[i] == i;
        }
        String fingerprint = data.dataset().fingerprint();
        return whole ? fingerprint : fingerprint + ":" + sha256(Arrays.toString(indices));
    }

    /** Returns the cache key: the first 20 hex digits of the SHA-256 of the key inputs as sorted JSON. */
    static String key(Map<String, Object> inputs) {
        try {
            return sha256(new String(JSON.writeValueAsBytes(inputs), StandardCharsets.UTF_8)).substring(0, 20);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compute a model cache key", e);
        }
    }

    /** Returns the file a model with this key is (or would be) stored in. */
    Path modelFile(ModelAdapter adapter, String key) {
        return folder.resolve(adapter.architecture() + "-" + key + ".model");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
