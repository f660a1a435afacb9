package dev.barrier.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The configuration model as plug-ins use it, on sections read from YAML text. */
class ConfigSectionTest {

    private static ConfigSection read(String yaml) {
        return new YamlConfigReader().read(new StringReader(yaml), "pipeline.yaml");
    }

    enum Scale {
        PER_ROW,
        REFERENCE
    }

    @Test
    void resolvedValuesIncludeDefaults() {
        ConfigSection root = read("lambda: 2\n");
        assertEquals(2.0, root.getDouble("lambda", 1.0));
        assertEquals(0.05, root.getDouble("lowerPercentile", 0.05));
        assertEquals(Scale.PER_ROW, root.getEnum("residualScale", Scale.class, Scale.PER_ROW));
        assertEquals(Map.of("lambda", 2.0, "lowerPercentile", 0.05, "residualScale", "per-row"), root.resolved());
    }

    @Test
    void unknownKeysAreReportedWithTheirLine() {
        ConfigSection root = read("lambda: 2\nlamda: 3\nprojection:\n  strategy: svd\n  reduceDim: 4\n");
        root.getDouble("lambda", 1);
        root.section("projection", "strategy").getString("strategy");
        List<ConfigProblem> unread = root.unreadKeys();
        assertEquals(2, unread.size());
        assertEquals("lamda", unread.get(0).path());
        assertEquals(2, unread.get(0).location().line());
        assertEquals("projection.reduceDim", unread.get(1).path());
        assertTrue(unread.get(1).message().contains("keys read here: strategy"), unread.get(1).message());
        assertEquals("unknown key 'lamda'; did you mean 'lambda'?", unread.get(0).message());
        assertFalse(unread.get(1).message().contains("did you mean"), "reduceDim is far from strategy");
    }

    @Test
    void enumValuesAreListedWhenUnknown() {
        ConfigSection root = read("residualScale: perrow\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> root.getEnum("residualScale", Scale.class, Scale.PER_ROW));
        assertTrue(e.getMessage().contains("expected one of per-row, reference"), e.getMessage());
    }

    @Test
    void rangesAreChecked() {
        ConfigSection root = read("epochs: 0\nrate: 1.5\n");
        ConfigurationException epochs = assertThrows(ConfigurationException.class, () -> root.getInt("epochs", 3, 1, 100));
        assertTrue(epochs.getMessage().contains("from 1 to 100, got 0"), epochs.getMessage());
        ConfigurationException rate = assertThrows(ConfigurationException.class, () -> root.getDouble("rate", 0.5, 0, 1));
        assertTrue(rate.getMessage().contains("got 1.5"), rate.getMessage());
    }

    @Test
    void scalarShorthandBecomesASection() {
        ConfigSection root = read("projection: svd\nmethods:\n  - retrain\n  - method: barrier\n    lambda: 3\n");
        ConfigSection projection = root.section("projection", "strategy");
        assertEquals("svd", projection.getString("strategy"));
        List<ConfigSection> methods = root.sections("methods", "method");
        assertEquals("retrain", methods.get(0).getString("method"));
        assertEquals("methods[1]", methods.get(1).path());
        assertEquals(3.0, methods.get(1).getDouble("lambda", 1));
    }

    @Test
    void scalarIsRejectedWhereAMappingIsNeeded() {
        ConfigSection root = read("region: 5\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> root.section("region", "builder"));
        assertTrue(e.getMessage().contains("expected a mapping or a plug-in name, got 5 (an integer)"), e.getMessage());
    }

    @Test
    void missingRequiredKeyPointsAtTheSection() {
        ConfigSection root = read("dataset:\n  path: /tmp\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> root.section("dataset").getString("provider"));
        assertEquals("dataset.provider", e.problems().get(0).path());
        assertEquals(2, e.problems().get(0).location().line());
        assertTrue(e.getMessage().contains("missing required key 'provider'"), e.getMessage());
    }

    @Test
    void singleValueCountsAsAListOfOne() {
        ConfigSection root = read("classes: 3\ntargets: head\n");
        assertEquals(List.of(3), root.getIntList("classes", List.of()));
        assertEquals(List.of("head"), root.getStringList("targets", List.of()));
    }
}
