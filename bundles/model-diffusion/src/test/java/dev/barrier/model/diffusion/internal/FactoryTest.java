package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.testing.ComponentDefaults;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The factories: defaults, recorded settings and configuration errors. No tensors are created. */
class FactoryTest {

    @Test
    void latentDefaults() {
        LatentDiffusionFactory factory = new LatentDiffusionFactory(
                ComponentDefaults.of(LatentDiffusionConfiguration.class));
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        DiffusionAdapter adapter = (DiffusionAdapter) factory.create(section, null);
        assertEquals("latent-diffusion", adapter.architecture());
        assertEquals(ModelTask.DIFFUSION, adapter.task());
        Map<String, Object> settings = adapter.settings();
        assertEquals(384, settings.get("hidden"));
        assertEquals(3, settings.get("blocks"));
        assertEquals("pca", settings.get("codec.type"));
        assertEquals(64, settings.get("codec.components"));
        assertEquals(true, settings.get("codec.whiten"));
        assertEquals(1000, settings.get("schedule.steps"));
        assertEquals(0.1, settings.get("classDropout"));
        TrainingSettings training = adapter.training();
        assertEquals(6000, training.maxSteps());
        assertEquals(256, training.batchSize());
        assertEquals(TrainingSettings.Optimizer.ADAM, training.optimizer());
        assertEquals(1e-3, training.learningRate());
        // Every key that was read is recorded, defaults included.
        Map<String, Object> resolved = section.resolved();
        assertEquals(384, resolved.get("hidden"));
        assertEquals(Map.of("type", "pca", "components", 64, "whiten", true), resolved.get("codec"));
        assertTrue(section.unreadKeys().isEmpty());
    }

    @Test
    void codecShorthandAndOverrides() {
        DiffusionAdapter adapter = Adapters.latent(Map.of("hidden", 128, "codec", "pca", "schedule",
                Map.of("steps", 200, "betaEnd", 0.03), "training", Map.of("maxSteps", 10L, "batchSize", 32)));
        assertEquals(128, adapter.settings().get("hidden"));
        assertEquals(200, adapter.settings().get("schedule.steps"));
        assertEquals(0.03, adapter.settings().get("schedule.betaEnd"));
        assertEquals(10, adapter.training().maxSteps());
        assertEquals(32, adapter.training().batchSize());
    }

    @Test
    void unetDefaults() {
        DiffusionAdapter adapter = Adapters.unet(Map.of());
        assertEquals("unet-diffusion", adapter.architecture());
        assertEquals(32, adapter.settings().get("width"));
        assertEquals(3, adapter.settings().get("levels"));
        assertEquals(3, adapter.settings().get("attention"));
        assertTrue(adapter.layerNames().containsAll(adapter.defaultTargets()));
    }

    @Test
    void invalidLatentSettingsNameTheirKey() {
        assertConfigError(Adapters::latent, Map.of("codec", Map.of("type", "vae")), "codec.type", "expected pca");
        assertConfigError(Adapters::latent, Map.of("codec", Map.of("components", 0)), "codec.components",
                "from 1 to");
        assertConfigError(Adapters::latent, Map.of("timeFeatures", 7), "timeFeatures", "even");
        assertConfigError(Adapters::latent, Map.of("hidden", 0), "hidden", "from 1 to");
        assertConfigError(Adapters::latent, Map.of("classDropout", 1.0), "classDropout", "[0, 1)");
        assertConfigError(Adapters::latent, Map.of("schedule", Map.of("betaStart", 0.1, "betaEnd", 0.01)),
                "schedule.betaEnd", "from betaStart");
        assertConfigError(Adapters::latent, Map.of("schedule", Map.of("steps", 1)), "schedule.steps", "from 2 to");
        assertConfigError(Adapters::latent, Map.of("training", Map.of("learningRate", -1.0)),
                "training.learningRate", "positive");
    }

    @Test
    void invalidUnetSettingsNameTheirKey() {
        assertConfigError(Adapters::unet, Map.of("width", 9), "width", "even");
        assertConfigError(Adapters::unet, Map.of("levels", 0), "levels", "from 1 to");
        assertConfigError(Adapters::unet, Map.of("levels", 2, "attention", 3), "attention", "from 0 to 2");
    }

    @Test
    void invalidComponentDefaultsFailActivation() {
        LatentDiffusionConfiguration defaults = ComponentDefaults.of(LatentDiffusionConfiguration.class);
        LatentDiffusionConfiguration bad = (LatentDiffusionConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {LatentDiffusionConfiguration.class},
                (self, method, args) -> method.getName().equals("classDropout") ? 1.5 : method.invoke(defaults, args));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LatentDiffusionFactory(bad));
        assertTrue(error.getMessage().contains("classDropout"), error.getMessage());
    }

    private static void assertConfigError(Function<Map<String, ?>, DiffusionAdapter> factory, Map<String, ?> section,
            String path, String fragment) {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> factory.apply(section));
        assertTrue(error.getMessage().contains(path), "expected '" + path + "' in: " + error.getMessage());
        assertTrue(error.getMessage().contains(fragment), "expected '" + fragment + "' in: " + error.getMessage());
    }
}
