package dev.barrier.runtime.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private static final InputSpec SPEC = new InputSpec(1, 2, 2, 2);

    private static ImageDataset dataset(byte fill) {
        byte[] pixels = new byte[6 * 4];
        java.util.Arrays.fill(pixels, fill);
        return new ImageDataset("data", pixels, new int[] {0, 1, 0, 1, 0, 1}, 1, 2, 2, List.of("a", "b"));
    }

    @Test
    void wholeDatasetInAnyOrderUsesItsFingerprint() {
        ImageDataset data = dataset((byte) 1);
        Subset shuffled = new Subset("train", data, new int[] {5, 3, 1, 0, 2, 4});
        assertEquals(data.fingerprint(), ModelCache.dataFingerprint(shuffled));
        assertEquals(data.fingerprint(), ModelCache.dataFingerprint(Subset.all("train", data)));
    }

    @Test
    void partOfADatasetAddsAHashOfItsIndices() {
        ImageDataset data = dataset((byte) 1);
        String part = ModelCache.dataFingerprint(new Subset("retain", data, new int[] {0, 1, 2}));
        String other = ModelCache.dataFingerprint(new Subset("retain", data, new int[] {0, 1, 3}));
        assertTrue(part.startsWith(data.fingerprint() + ":"), part);
        assertNotEquals(part, other);
    }

    @Test
    void keyDependsOnDataSettingsAndTraining() {
        var adapter = new dev.barrier.runtime.internal.pipeline.TestPluginsAccess().tinyAdapter();
        Map<String, Object> inputs = ModelCache.keyInputs(adapter, SPEC, Subset.all("train", dataset((byte) 1)));
        assertEquals(List.of("architecture", "data", "input", "keyVersion", "settings", "training"),
                List.copyOf(inputs.keySet()));
        String key = ModelCache.key(inputs);
        assertTrue(key.matches("[0-9a-f]{20}"), key);
        assertEquals(key, ModelCache.key(ModelCache.keyInputs(adapter, SPEC, Subset.all("train", dataset((byte) 1)))));
        assertNotEquals(key, ModelCache.key(ModelCache.keyInputs(adapter, SPEC, Subset.all("train", dataset((byte) 2)))),
                "other pixels, other key");
    }
}
