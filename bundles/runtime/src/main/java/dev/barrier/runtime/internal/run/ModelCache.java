package dev.barrier.runtime.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trained original models, keyed by a hash of everything that determines them: the training data's
 * fingerprint, the architecture and its settings, the input shape and the training settings (seed included).
 * A second run with the same key loads the model instead of training it again.
 */
final class ModelCache {

    /** Bumped when the key's inputs change meaning, so old entries stop matching. */
    static final int KEY_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path folder;

    ModelCache(Path cacheFolder) {
        this.folder = cacheFolder.resolve("models");
    }

    /** Returns what the key is computed from, as a sorted map. */
    static Map<String, Object> keyInputs(ModelAdapter adapter, InputSpec spec, ImageDataset train) {
        Map<String, Object> inputs = new TreeMap<>();
        inputs.put("keyVersion", KEY_VERSION);
        inputs.put("architecture", adapter.architecture());
        inputs.put("settings", new TreeMap<>(adapter.settings()));
        inputs.put("training", new TreeMap<>(adapter.training().toMap()));
        inputs.put("input", spec.toString());
        inputs.put("data", train.fingerprint());
        return inputs;
    }

    /** Returns the cache key: the first 20 hex digits of the SHA-256 of the key inputs. */
    static String key(Map<String, Object> inputs) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(inputs);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute a model cache key", e);
        }
    }

    /** Returns the file a model with this key is (or would be) stored in. */
    Path modelFile(ModelAdapter adapter, String key) {
        return folder.resolve(adapter.architecture() + "-" + key + ".model");
    }

    /** Records what a cached model was trained from, beside the model file. */
    void writeMetadata(Path modelFile, Map<String, Object> inputs, Map<String, Object> training) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("keyInputs", inputs);
        metadata.put("training", training);
        RunFolder.writeAtomically(modelFile.resolveSibling(modelFile.getFileName() + ".json"),
                new String(JSON.writeValueAsBytes(metadata), StandardCharsets.UTF_8));
    }

    /** Creates the cache folder. */
    void ensureFolder() throws IOException {
        Files.createDirectories(folder);
    }
}
