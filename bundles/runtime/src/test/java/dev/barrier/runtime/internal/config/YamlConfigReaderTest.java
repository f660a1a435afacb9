package dev.barrier.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigReaderTest {

    private final YamlConfigReader reader = new YamlConfigReader();

    private ConfigSection read(String yaml) {
        return reader.read(new StringReader(yaml), "test.yaml");
    }

    @Test
    void valuesKeepTheirLines() {
        ConfigSection root = read("name: demo\nseed: 7\nmodel:\n  adapter: small-cnn\n  rate: 0.5\n");
        assertEquals("demo", root.getString("name"));
        assertEquals(7, root.getInt("seed"));
        ConfigSection model = root.section("model");
        assertEquals(0.5, model.getDouble("rate"));
        assertEquals(5, model.locationOf("rate").line());
        assertEquals(9, model.locationOf("rate").column());
        assertEquals("test.yaml:4:12", model.locationOf("adapter").toString());
    }

    @Test
    void typeErrorNamesFileLineAndKey() {
        ConfigSection root = read("model:\n  epochs: three\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> root.section("model").getInt("epochs"));
        ConfigProblem problem = e.problems().get(0);
        assertEquals("model.epochs", problem.path());
        assertEquals(2, problem.location().line());
        assertTrue(e.getMessage().contains("expected an integer, got 'three' (a string)"), e.getMessage());
    }

    @Test
    void invalidYamlReportsItsLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("name: demo\nmethods: [a, b\nseed: 1\n"));
        assertTrue(e.problems().get(0).location().line() >= 2, e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("at line 2, column 10)"), e.getMessage());
        assertTrue(e.getMessage().contains(": invalid YAML:"), e.getMessage());
        assertFalse(e.getMessage().contains(": : "), "no empty key: " + e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> read("seed: 1\nseed: 2\n"));
        assertTrue(e.getMessage().contains("test.yaml:2:1: seed: duplicate key 'seed' (first given on line 1)"),
                e.getMessage());
    }

    @Test
    void emptyFileAndScalarRootAreRejected() {
        ConfigurationException empty = assertThrows(ConfigurationException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        ConfigurationException scalar = assertThrows(ConfigurationException.class, () -> read("just text"));
        assertTrue(scalar.getMessage().contains("must be a mapping"), scalar.getMessage());
    }

    @Test
    void customTagsAreRejected() {
        ConfigurationException global = assertThrows(ConfigurationException.class,
                () -> read("seed: !!java.io.File x\n"));
        assertTrue(global.getMessage().contains("tag"), global.getMessage());
        ConfigurationException local = assertThrows(ConfigurationException.class, () -> read("seed: !custom x\n"));
        assertTrue(local.getMessage().contains("unsupported YAML tag !custom"), local.getMessage());
    }

    @Test
    void scalarsBecomeTypedValues() {
        ConfigSection root = read("a: 1\nb: 1.5e-3\nc: true\nd: text\ne: ~\nf: [1, 2]\n");
        Map<String, Object> raw = root.raw();
        assertEquals(1L, raw.get("a"));
        assertEquals(1.5e-3, raw.get("b"));
        assertEquals(Boolean.TRUE, raw.get("c"));
        assertEquals("text", raw.get("d"));
        assertEquals(null, raw.get("e"));
        assertEquals(List.of(1L, 2L), raw.get("f"));
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path folder) {
        assertThrows(NoSuchFileException.class, () -> reader.read(folder.resolve("absent.yaml")));
    }

    @Test
    void binaryFileIsRejected(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("binary.yaml");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1});
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }
}
