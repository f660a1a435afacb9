package dev.barrier.data.cifar.internal;

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
class CifarDatasetFactoryTest {

    private final CifarDatasetFactory factory = new CifarDatasetFactory(ComponentDefaults.of(CifarConfiguration.class));

    @Test
    void defaultsRecorded() {
        ConfigSection config = ConfigSection.of(Map.of("path", "/no/such/cifar"), "test.yaml");

        DatasetProvider provider = factory.create(config, null);

        assertEquals("CIFAR-10 binary files in /no/such/cifar", provider.describe());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("path", "/no/such/cifar");
        expected.put("variant", "cifar-10");
        expected.put("labels", "fine");
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
        CifarDatasetFactory configured = new CifarDatasetFactory(ComponentDefaults.of(CifarConfiguration.class,
                Map.of("path", "/srv/cifar", "variant", "cifar-100", "labels", "coarse")));

        DatasetProvider provider = configured.create(ConfigSection.of(Map.of(), "test.yaml"), null);

        assertEquals("CIFAR-100 binary files in /srv/cifar, coarse labels", provider.describe());
    }

    @Test
    void misspeltKeyLeftUnread() {
        ConfigSection config = ConfigSection.of(Map.of("path", "/x", "variant", "cifar-100", "label", "coarse"),
                "test.yaml");

        factory.create(config, null);

        assertEquals(1, config.unreadKeys().size());
        assertEquals("label", config.unreadKeys().get(0).path());
    }

    @Test
    void invalidValuesRejected() {
        assertRejected(Map.of("path", List.of("a")), "path", "expected a text value");
        assertRejected(Map.of("path", " "), "path", "expected a folder, got an empty value");
        assertRejected(Map.of("variant", "cifar-20"), "variant", "unknown value 'cifar-20'; expected one of"
                + " cifar-10, cifar-100");
        assertRejected(Map.of("labels", "medium"), "labels", "expected one of fine, coarse");
        assertRejected(Map.of("labels", "coarse"), "labels", "expected fine for cifar-10, got coarse");
        assertRejected(Map.of("limitTrain", -5), "limitTrain", "expected an integer from 0 to");
        assertRejected(Map.of("limitTest", 1.5), "limitTest", "expected an integer");
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
