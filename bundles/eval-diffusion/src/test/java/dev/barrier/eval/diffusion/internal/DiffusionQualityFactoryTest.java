package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.eval.MetricSpec;

import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.model.diffusion.internal.LatentDiffusionConfiguration;
import dev.barrier.model.diffusion.internal.LatentDiffusionFactory;
import dev.barrier.testing.ComponentDefaults;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The factory: defaults, the classifier section and configuration errors. */
class DiffusionQualityFactoryTest {

    private final DiffusionQualityFactory factory = new DiffusionQualityFactory(
            ComponentDefaults.of(DiffusionQualityConfiguration.class));

    private static TestPlugins plugins() {
        TrainingSettings training = new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-3, 0.9, 0, 0, 0);
        return new TestPlugins()
                .model("small-cnn", section -> TestClassifiers.cnn(section.getInt("channels1", 16), 32, 64, training))
                .model("pixel-argmax", section -> TestClassifiers.pixelArgmax())
                .model("headless", section -> headless())
                .model("latent-diffusion", section -> new LatentDiffusionFactory(
                        ComponentDefaults.of(LatentDiffusionConfiguration.class)).create(section, null));
    }

    @Test
    void defaultsAreRecorded() {
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        DiffusionQualityEvaluator evaluator = (DiffusionQualityEvaluator) factory.create(section, plugins());
        assertEquals("diffusion-quality", evaluator.name());
        Map<String, Object> resolved = section.resolved();
        assertEquals(500, resolved.get("samplesPerClass"));
        assertEquals("ddim", resolved.get("sampler"));
        assertEquals(50, resolved.get("steps"));
        assertEquals(2.0, resolved.get("guidance"));
        assertEquals(0.0, resolved.get("eta"));
        assertEquals(0L, resolved.get("seed"));
        assertEquals(500, resolved.get("batchSize"));
        assertEquals(Map.of("adapter", "small-cnn", "channels1", 16), resolved.get("classifier"));
        assertTrue(section.unreadKeys().isEmpty());
        assertTrue(evaluator.toString().contains("classifier test-cnn"), evaluator.toString());
    }

    @Test
    void metricsHaveStableKeys() {
        List<MetricSpec> metrics = factory.create(ConfigSection.of(Map.of(), "test"), plugins()).metrics();
        assertEquals(List.of("UA", "retainRecognition", "frechet"), metrics.stream().map(MetricSpec::key).toList());
        assertTrue(metrics.get(0).inAverageGap());
        assertEquals("Frechet distance (classifier features)", metrics.get(2).label());
        assertEquals(Boolean.FALSE, metrics.get(2).higherIsBetter());
        assertTrue(metrics.get(2).description().contains("not Inception FID"));
    }

    @Test
    void samplingSettingsAreRead() {
        ConfigSection section = ConfigSection.of(Map.of("sampler", "ddpm", "steps", 1000, "guidance", 0, "eta", 1.0,
                "seed", 7L, "classifier", Map.of("adapter", "small-cnn", "channels1", 8)), "test");
        factory.create(section, plugins());
        assertEquals("ddpm", section.resolved().get("sampler"));
        assertEquals(1000, section.resolved().get("steps"));
        assertEquals(SamplingSettings.Sampler.DDPM, DiffusionQualityFactory.sampler("DDPM "));
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertError(Map.of("guidance", 101), "guidance", "from 0.0 to 100.0");
        assertError(Map.of("eta", -0.5), "eta", "from 0.0 to 1.0");
        assertError(Map.of("steps", 0), "steps", "from 1 to");
        assertError(Map.of("samplesPerClass", 0), "samplesPerClass", "from 1 to");
        assertError(Map.of("sampler", "euler"), "sampler", "expected one of ddpm, ddim");
        assertError(Map.of("classifier", "resnet-9"), "classifier.adapter", "unknown model adapter 'resnet-9'");
        assertError(Map.of("classifier", "latent-diffusion"), "classifier", "expected a classifier adapter");
        assertError(Map.of("classifier", "headless"), "classifier", "layer named 'head'");
    }

    private void assertError(Map<String, ?> section, String path, String fragment) {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(section, "test"), plugins()));
        assertTrue(TestPlugins.mentions(error, path, fragment),
                "expected '" + path + "' and '" + fragment + "' in: " + error.getMessage());
    }

    /** Returns a classifier adapter whose layers are fc1 and output, without a head layer. */
    private static ModelAdapter headless() {
        ModelAdapter cnn = TestClassifiers.pixelArgmax();
        return (ModelAdapter) Proxy.newProxyInstance(ModelAdapter.class.getClassLoader(),
                new Class<?>[] {ModelAdapter.class}, (self, method, args) -> switch (method.getName()) {
                    case "architecture" -> "headless";
                    case "layerNames" -> List.of("fc1", "output");
                    default -> method.invoke(cnn, args);
                });
    }
}
