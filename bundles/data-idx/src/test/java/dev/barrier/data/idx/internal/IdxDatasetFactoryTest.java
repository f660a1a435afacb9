package dev.barrier.data.idx.internal;

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
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The factory validates every key, records the effective values and reads no files. */
class IdxDatasetFactoryTest {

    private final IdxDatasetFactory factory = new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class));

    @Test
    void emptySectionUsesFashionMnistDefaults() {
        ConfigSection config = ConfigSection.of(Map.of(), "test.yaml");

        DatasetProvider provider = factory.create(config, null);

        assertEquals("IDX files in /usr/share/datasets/fashion-mnist (preset fashion-mnist)", provider.describe());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("preset", "fashion-mnist");
        expected.put("path", "/usr/share/datasets/fashion-mnist");
        expected.put("trainImages", "train-images-idx3-ubyte");
        expected.put("trainLabels", "train-labels-idx1-ubyte");
        expected.put("testImages", "t10k-images-idx3-ubyte");
        expected.put("testLabels", "t10k-labels-idx1-ubyte");
        expected.put("classNames", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot"));
        expected.put("limitTrain", 0);
        expected.put("limitTest", 0);
        assertEquals(expected, config.resolved());
    }

    @Test
    void classCountKnownOnlyFromNames() {
        assertEquals(OptionalInt.of(10), create(Map.of()).classCount());
        assertEquals(OptionalInt.of(2), create(Map.of("preset", "none", "path", "/data/two",
                "classNames", List.of("cat", "dog"))).classCount());
        assertEquals(OptionalInt.empty(), create(Map.of("preset", "none", "path", "/data/any")).classCount());
    }

    @Test
    void missingFolderNotCheckedByFactory() {
        ConfigSection config = ConfigSection.of(Map.of("preset", "mnist", "path", "/no/such/folder"), "test.yaml");

        DatasetProvider provider = factory.create(config, null);

        assertEquals("IDX files in /no/such/folder (preset mnist)", provider.describe());
    }

    @Test
    void everyKeyIsRead() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("preset", "none");
        values.put("path", "/data/digits");
        values.put("trainImages", "a");
        values.put("trainLabels", "b");
        values.put("testImages", "c");
        values.put("testLabels", "d");
        values.put("classNames", List.of("x", "y"));
        values.put("limitTrain", 10);
        values.put("limitTest", 5);
        values.put("limitTset", 5);
        ConfigSection config = ConfigSection.of(values, "test.yaml");

        factory.create(config, null);

        assertEquals(1, config.unreadKeys().size());
        assertEquals("limitTset", config.unreadKeys().get(0).path());
    }

    @Test
    void pathRequiredForMnist() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create(Map.of("preset", "mnist")));

        assertTrue(e.getMessage().contains("missing required key 'path': the preset mnist has no standard folder"),
                e.getMessage());
    }

    @Test
    void componentDefaultsApply() {
        IdxDatasetFactory configured = new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class,
                Map.of("preset", "mnist", "path", "/srv/mnist", "limitTrain", 100)));
        ConfigSection config = ConfigSection.of(Map.of(), "test.yaml");

        DatasetProvider provider = configured.create(config, null);

        assertEquals("IDX files in /srv/mnist (preset mnist)", provider.describe());
        assertEquals(100, config.resolved().get("limitTrain"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), config.resolved().get("classNames"));
    }

    @Test
    void unknownComponentDefaultPresetRejected() {
        IdxDatasetFactory configured = new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class,
                Map.of("preset", "kmnist")));

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> configured.create(ConfigSection.of(Map.of(), "test.yaml"), null));

        assertTrue(e.getMessage().contains("default preset 'kmnist' is unknown; expected fashion-mnist, mnist or"
                + " none"), e.getMessage());
    }

    @Test
    void unknownPresetListsAllowed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create(Map.of("preset", "cifar")));

        assertTrue(e.getMessage().contains("unknown value 'cifar'; expected one of fashion-mnist, mnist, none"),
                e.getMessage());
    }

    @Test
    void invalidValuesRejected() {
        assertRejected(Map.of("path", List.of("a", "b")), "path", "expected a text value");
        assertRejected(Map.of("path", ""), "path", "expected a folder, got an empty value");
        assertRejected(Map.of("trainImages", " "), "trainImages", "expected a file name, got an empty value");
        assertRejected(Map.of("testLabels", Map.of("a", 1)), "testLabels", "expected a text value");
        assertRejected(Map.of("limitTrain", -1), "limitTrain", "expected an integer from 0 to");
        assertRejected(Map.of("limitTest", "all"), "limitTest", "expected an integer");
        assertRejected(Map.of("classNames", List.of()), "classNames", "expected at least one class name");
        assertRejected(Map.of("classNames", List.of("a", "b", "a")), "classNames",
                "expected distinct class names, got 'a' twice in [a, b, a]");
        assertRejected(Map.of("classNames", List.of("a", "")), "classNames", "expected non-empty class names");
    }

    private void assertRejected(Map<String, Object> values, String key, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(values), key);

        assertEquals(key, e.problems().get(0).path());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private DatasetProvider create(Map<String, Object> values) {
        return factory.create(ConfigSection.of(values, "test.yaml"), null);
    }
}
