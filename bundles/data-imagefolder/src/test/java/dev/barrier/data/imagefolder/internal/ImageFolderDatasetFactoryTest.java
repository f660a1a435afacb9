package dev.barrier.data.imagefolder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.testing.ComponentDefaults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The factory validates every key, records the effective values and reads no files. */
class ImageFolderDatasetFactoryTest {

    private final ImageFolderDatasetFactory factory =
            new ImageFolderDatasetFactory(ComponentDefaults.of(ImageFolderConfiguration.class));

    @Test
    void defaultsRecorded() {
        ConfigSection config = ConfigSection.of(Map.of("path", "/no/such/images"), "test.yaml");

        DatasetProvider provider = factory.create(config, null);

        assertEquals("image folders in /no/such/images (train, test; 3 channels)", provider.describe());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("path", "/no/such/images");
        expected.put("trainFolder", "train");
        expected.put("testFolder", "test");
        expected.put("channels", 3);
        expected.put("size", List.of());
        expected.put("resize", false);
        expected.put("limitTrain", 0);
        expected.put("limitTest", 0);
        assertEquals(expected, config.resolved());
        assertTrue(config.unreadKeys().isEmpty(), config.unreadKeys().toString());
    }

    @Test
    void pathRequired() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(Map.of(), "test.yaml"), null));

        assertEquals("path", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("missing required key 'path'"), e.getMessage());
    }

    @Test
    void componentDefaultsApply() {
        ImageFolderDatasetFactory configured = new ImageFolderDatasetFactory(ComponentDefaults.of(
                ImageFolderConfiguration.class, Map.of("path", "/srv/images", "channels", 1, "size",
                        new int[] {28, 32})));
        ConfigSection config = ConfigSection.of(Map.of(), "test.yaml");

        DatasetProvider provider = configured.create(config, null);

        assertEquals("image folders in /srv/images (train, test; 1 channel)", provider.describe());
        assertEquals(List.of(28, 32), config.resolved().get("size"));
    }

    @Test
    void misspeltKeyLeftUnread() {
        ConfigSection config = ConfigSection.of(Map.of("path", "/x", "chanels", 1), "test.yaml");

        factory.create(config, null);

        assertEquals(1, config.unreadKeys().size());
        assertEquals("chanels", config.unreadKeys().get(0).path());
    }

    @Test
    void invalidValuesRejected() {
        assertRejected(Map.of("path", List.of("a")), "path", "expected a text value");
        assertRejected(Map.of("path", ""), "path", "expected a folder, got an empty value");
        assertRejected(Map.of("trainFolder", ""), "trainFolder", "expected a folder name, got an empty value");
        assertRejected(Map.of("testFolder", "train"), "testFolder",
                "expected a folder other than the training folder, got 'train' for both");
        assertRejected(Map.of("channels", 2), "channels", "expected 1 (grey) or 3 (RGB), got 2");
        assertRejected(Map.of("channels", "rgb"), "channels", "expected an integer");
        assertRejected(Map.of("size", List.of(28)), "size", "expected [height, width] with two positive integers,"
                + " got [28]");
        assertRejected(Map.of("size", List.of(0, 28)), "size", "got [0, 28]");
        assertRejected(Map.of("size", List.of(28, 28, 3)), "size", "got [28, 28, 3]");
        assertRejected(Map.of("size", "large"), "size", "expected an integer");
        assertRejected(Map.of("resize", "yes"), "resize", "expected true or false");
        assertRejected(Map.of("limitTrain", -1), "limitTrain", "expected an integer from 0 to");
    }

    private void assertRejected(Map<String, Object> values, String key, String message) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("path", "/x"));
        config.putAll(values);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(config, "test.yaml"), null), key);

        assertEquals(key, e.problems().get(0).path());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
