package dev.barrier.model.classifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.testing.ComponentDefaults;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading model sections; no model is built, so no tensor engine is needed. */
class ClassifierFactoryTest {

    private final SmallCnnFactory cnn = new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class));
    private final SmallResnetFactory resnet =
            new SmallResnetFactory(ComponentDefaults.of(SmallResnetConfiguration.class));

    private static ConfigSection section(Map<String, ?> values) {
        return ConfigSection.of(values, "model.yaml");
    }

    @Test
    void cnnDefaults() {
        ConfigSection config = section(Map.of());
        ModelAdapter adapter = cnn.create(config, null);

        assertEquals("small-cnn", adapter.architecture());
        assertEquals(ModelTask.CLASSIFICATION, adapter.task());
        assertEquals(Map.of("channels", List.of(16, 32), "hidden", 64), adapter.settings());
        assertEquals(List.of("conv1", "conv2", "fc1", "head"), adapter.layerNames());
        assertEquals(new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 0.001, 0.9, 0, 0, 0),
                adapter.training());
        assertEquals(List.of(), config.unreadKeys());
        assertEquals(List.of(16, 32), config.resolved().get("channels"));
        @SuppressWarnings("unchecked")
        Map<String, Object> training = (Map<String, Object>) config.resolved().get("training");
        assertEquals("adam", training.get("optimizer"), "the effective optimiser is recorded");
        assertEquals(128, training.get("batchSize"));
    }

    @Test
    void cnnSectionOverridesDefaults() {
        ConfigSection config = section(Map.of("channels", List.of(8, 12), "hidden", 20, "training",
                Map.of("epochs", 1, "maxSteps", 50, "batchSize", 32, "optimizer", "sgd", "learningRate", 0.1,
                        "momentum", 0.5, "weightDecay", 5e-4, "gradientClip", 2.0, "seed", 9)));
        ModelAdapter adapter = cnn.create(config, null);

        assertEquals(Map.of("channels", List.of(8, 12), "hidden", 20), adapter.settings());
        assertEquals(new TrainingSettings(1, 50, 32, TrainingSettings.Optimizer.SGD, 0.1, 0.5, 5e-4, 2.0, 9),
                adapter.training());
        assertEquals(List.of(), config.unreadKeys());
    }

    @Test
    void resnetDefaultsAndLayerNames() {
        ModelAdapter three = resnet.create(section(Map.of()), null);
        assertEquals("small-resnet", three.architecture());
        assertEquals(Map.of("width", 16, "stages", 3), three.settings());
        assertEquals(List.of("stem", "stage1.conv1", "stage1.conv2", "stage2.conv1", "stage2.conv2",
                "stage2.shortcut", "stage3.conv1", "stage3.conv2", "stage3.shortcut", "head"), three.layerNames());

        ModelAdapter two = resnet.create(section(Map.of("width", 8, "stages", 2)), null);
        assertEquals(Map.of("width", 8, "stages", 2), two.settings());
        assertEquals(List.of("stem", "stage1.conv1", "stage1.conv2", "stage2.conv1", "stage2.conv2",
                "stage2.shortcut", "head"), two.layerNames());
    }

    @Test
    void unknownKeysAreLeftUnread() {
        ConfigSection config = section(Map.of("hiden", 10, "training", Map.of("epoch", 2)));
        cnn.create(config, null);
        List<String> paths = config.unreadKeys().stream().map(ConfigProblem::path).sorted().toList();
        assertEquals(List.of("hiden", "training.epoch"), paths);
    }

    static Stream<Arguments> invalidCnnSections() {
        return Stream.of(
                Arguments.of(Map.of("channels", List.of(16, 32, 64)), "channels", "[16, 32, 64]"),
                Arguments.of(Map.of("channels", 16), "channels", "[16]"),
                Arguments.of(Map.of("channels", List.of(0, 32)), "channels", "[0, 32]"),
                Arguments.of(Map.of("hidden", 0), "hidden", "got 0"),
                Arguments.of(Map.of("hidden", "wide"), "hidden", "wide"),
                Arguments.of(training("epochs", -1), "training.epochs", "-1"),
                Arguments.of(training("maxSteps", -5), "training.maxSteps", "-5"),
                Arguments.of(Map.of("training", Map.of("epochs", 0, "maxSteps", 0)), "training.epochs", "0 epochs"),
                Arguments.of(training("batchSize", 0), "training.batchSize", "got 0"),
                Arguments.of(training("optimizer", "rmsprop"), "training.optimizer", "rmsprop"),
                Arguments.of(training("learningRate", -0.1), "training.learningRate", "-0.1"),
                Arguments.of(training("learningRate", 0), "training.learningRate", "0"),
                Arguments.of(training("momentum", 1.0), "training.momentum", "1.0"),
                Arguments.of(training("weightDecay", -1), "training.weightDecay", "-1"),
                Arguments.of(training("gradientClip", -2), "training.gradientClip", "-2"),
                Arguments.of(training("seed", 1.5), "training.seed", "1.5"));
    }

    private static Map<String, Object> training(String key, Object value) {
        return Map.of("training", Map.of(key, value));
    }

    @ParameterizedTest
    @MethodSource("invalidCnnSections")
    void cnnRejectsInvalidValues(Map<String, Object> values, String path, String quoted) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> cnn.create(section(values), null));
        assertEquals(path, e.problems().get(0).path(), e.getMessage());
        assertTrue(e.getMessage().contains(quoted), e.getMessage());
    }

    @Test
    void resnetRejectsInvalidValues() {
        ConfigurationException stages = assertThrows(ConfigurationException.class,
                () -> resnet.create(section(Map.of("stages", 4)), null));
        assertEquals("stages", stages.problems().get(0).path());
        assertTrue(stages.getMessage().contains("from 2 to 3, got 4"), stages.getMessage());

        ConfigurationException width = assertThrows(ConfigurationException.class,
                () -> resnet.create(section(Map.of("width", 0)), null));
        assertEquals("width", width.problems().get(0).path());
    }

    @Test
    void optimizerNamesParse() {
        assertEquals(TrainingSettings.Optimizer.SGD, TrainingSection.optimizer(" SGD", "training.optimizer"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSection.optimizer("lbfgs", "training.optimizer"));
        assertTrue(e.getMessage().contains("training.optimizer"), e.getMessage());
        assertTrue(e.getMessage().contains("lbfgs"), e.getMessage());
    }
}
