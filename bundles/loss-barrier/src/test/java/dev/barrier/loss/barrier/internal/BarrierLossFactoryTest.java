package dev.barrier.loss.barrier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Checks how the factory reads, validates and records the keys of the loss's configuration section. */
class BarrierLossFactoryTest {

    private final BarrierLossFactory factory = new BarrierLossFactory(configuration(1.0, "per-row"));

    @Test
    void defaultsComeFromComponentConfiguration() {
        ConfigSection section = ConfigSection.of(Map.of(), "pipeline.yaml");
        BarrierLossSettings settings = factory.settings(section);
        assertEquals(new BarrierLossSettings(1.0, true, ResidualScale.PER_ROW, true, true, true), settings);
        assertEquals(Map.of("lambda", 1.0, "normalize", true, "residualScale", "per-row", "meanTerm", true,
                "residualTerm", true, "intervalTerm", true), section.resolved(), "every effective value is recorded");

        BarrierLossFactory reference = new BarrierLossFactory(configuration(4.0, "reference"));
        assertEquals(new BarrierLossSettings(4.0, true, ResidualScale.REFERENCE, true, true, true),
                reference.settings(ConfigSection.of(Map.of(), "pipeline.yaml")));
    }

    @Test
    void sectionOverridesDefaults() {
        ConfigSection section = ConfigSection.of(Map.of("lambda", 10, "normalize", false, "residualScale", "reference",
                "intervalTerm", false), "pipeline.yaml");
        try (BarrierLoss loss = (BarrierLoss) factory.create(section, null)) {
            assertEquals(new BarrierLossSettings(10.0, false, ResidualScale.REFERENCE, true, true, false),
                    loss.settings());
            assertEquals("barrier", loss.name());
        }
        assertTrue(section.unreadKeys().isEmpty());
    }

    @Test
    void invalidValuesNameKeyAndValue() {
        ConfigurationException lambda = assertThrows(ConfigurationException.class,
                () -> factory.settings(ConfigSection.of(Map.of("lambda", 0), "pipeline.yaml")));
        assertContains(lambda.getMessage(), "lambda", "0.0");

        ConfigurationException scale = assertThrows(ConfigurationException.class,
                () -> factory.settings(ConfigSection.of(Map.of("residualScale", "per-sample"), "pipeline.yaml")));
        assertContains(scale.getMessage(), "per-sample", "per-row, reference");

        ConfigurationException none = assertThrows(ConfigurationException.class,
                () -> factory.settings(ConfigSection.of(Map.of("meanTerm", false, "residualTerm", false,
                        "intervalTerm", false), "pipeline.yaml")));
        assertTrue(none.getMessage().contains("at least one term"), none.getMessage());

        ConfigurationException type = assertThrows(ConfigurationException.class,
                () -> factory.settings(ConfigSection.of(Map.of("normalize", "yes"), "pipeline.yaml")));
        assertTrue(type.getMessage().contains("normalize"), type.getMessage());
    }

    @Test
    void invalidComponentDefaultsFailActivation() {
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> new BarrierLossFactory(configuration(1.0, "sometimes")));
        assertTrue(scale.getMessage().contains("sometimes"), scale.getMessage());
        IllegalArgumentException lambda = assertThrows(IllegalArgumentException.class,
                () -> new BarrierLossFactory(configuration(-1.0, "per-row")));
        assertTrue(lambda.getMessage().contains("-1.0"), lambda.getMessage());
    }

    /** Returns a component configuration with the given values, as Configuration Admin would supply it. */
    private static BarrierLossConfiguration configuration(double lambda, String residualScale) {
        return new BarrierLossConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BarrierLossConfiguration.class;
            }

            @Override
            public double lambda() {
                return lambda;
            }

            @Override
            public boolean normalize() {
                return true;
            }

            @Override
            public String residualScale() {
                return residualScale;
            }

            @Override
            public boolean meanTerm() {
                return true;
            }

            @Override
            public boolean residualTerm() {
                return true;
            }

            @Override
            public boolean intervalTerm() {
                return true;
            }
        };
    }

    /** Asserts that {@code message} contains each of {@code parts}, one assertion per part. */
    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}
