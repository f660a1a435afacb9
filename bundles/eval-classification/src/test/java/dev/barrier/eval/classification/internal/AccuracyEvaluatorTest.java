package dev.barrier.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.model.ModelTask;
import dev.barrier.testing.TestEvaluationContext;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy evaluator on {@link FixedLinearClassifier}, whose prediction for every image is fixed by the
 * image's brightest row, so every expected percentage below is counted by hand from the split.
 */
class AccuracyEvaluatorTest {

    private static NDManager manager;

    @TempDir
    Path folder;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /**
     * Class 0 is forgotten. Forget set: 10 images of class 0, 3 predicted right (UA 70). Retain set: 20 images
     * of classes 1 and 2, 17 right (RA 85). Test set without class 0: class 1 has 3 of 4 right, class 2 has 2
     * of 4 (TA 62.5). Test images of class 0: 1 of 5 right. Per-class accuracy: 20, 75, 50.
     */
    private static ForgetSplit classWiseSplit() {
        ImageDataset train = new SyntheticImages("zero", "one", "two")
                .predicted(0, 0, 3).predicted(0, 1, 7)
                .predicted(1, 1, 9).predicted(1, 2, 1).predicted(2, 2, 8).predicted(2, 0, 2)
                .build("train");
        ImageDataset test = new SyntheticImages("zero", "one", "two")
                .predicted(1, 1, 3).predicted(1, 0, 1)
                .predicted(0, 0, 1).predicted(0, 2, 4)
                .predicted(2, 2, 2).predicted(2, 1, 2)
                .build("test");
        return new ForgetSplit("class 0 (zero)", new Subset("forget", train, SyntheticImages.range(0, 10)),
                new Subset("retain", train, SyntheticImages.range(10, 30)),
                new Subset("test", test, new int[] {0, 1, 2, 3, 9, 10, 11, 12}),
                new Subset("test-forget", test, new int[] {4, 5, 6, 7, 8}), new int[] {0});
    }

    private Evaluation evaluate(Evaluator evaluator, ForgetSplit split, TestRunContext run) {
        try (FixedLinearClassifier model = new FixedLinearClassifier(manager.newSubManager(), 3, 1f)) {
            return evaluator.evaluate(new TestEvaluationContext(run, split, model),
                    new EvaluatedModel("original", "Original", model, null));
        }
    }

    private static Evaluator create(Map<String, ?> values) {
        return new AccuracyEvaluatorFactory(SyntheticImages.accuracyDefaults()).create(ConfigSection.of(values, "test"),
                null);
    }

    @Test
    void accuracyMatchesHandCount() {
        Evaluation evaluation = evaluate(create(Map.of("batchSize", 3)), classWiseSplit(),
                new TestRunContext(folder, 42));

        assertEquals(List.of("UA", "RA", "TA"), List.copyOf(evaluation.scalars().keySet()));
        assertEquals(70.0, evaluation.scalars().get("UA"), 1e-12);
        assertEquals(85.0, evaluation.scalars().get("RA"), 1e-12);
        assertEquals(62.5, evaluation.scalars().get("TA"), 1e-12);
        assertArrayEquals(new double[] {20.0, 75.0, 50.0}, evaluation.series().get("perClassAccuracy"), 1e-12);
        assertEquals(List.of(), evaluation.notes());
    }

    @Test
    void batchSizeDoesNotChangeResults() {
        Evaluation reference = evaluate(create(Map.of()), classWiseSplit(), new TestRunContext(folder, 42));
        for (int batchSize : new int[] {1, 4, 7}) {
            Evaluation evaluation = evaluate(create(Map.of("batchSize", batchSize)), classWiseSplit(),
                    new TestRunContext(folder, 42));
            assertEquals(reference.scalars(), evaluation.scalars(), "batch size " + batchSize);
            assertArrayEquals(reference.series().get("perClassAccuracy"),
                    evaluation.series().get("perClassAccuracy"), "batch size " + batchSize);
        }
    }

    @Test
    void progressCountsEveryBatch() {
        TestRunContext run = new TestRunContext(folder, 42);
        evaluate(create(Map.of("batchSize", 4)), classWiseSplit(), run);

        // 10 forget, 20 retain, 8 test and 5 test-forget images in batches of 4: 3 + 5 + 2 + 2 batches.
        assertEquals(1, run.progress().tasks().size());
        assertEquals(12, run.progress().tasks().get(0).total());
        assertEquals(12, run.progress().tasks().get(0).steps());
        assertTrue(run.progress().tasks().get(0).closed());
    }

    @Test
    void classWithoutTestImagesIsNaN() {
        ForgetSplit full = classWiseSplit();
        ForgetSplit split = new ForgetSplit("random", full.forget(), full.retain(), full.test(),
                new Subset("test-forget", full.test().dataset(), new int[0]), new int[0]);

        Evaluation evaluation = evaluate(create(Map.of()), split, new TestRunContext(folder, 42));

        double[] perClass = evaluation.series().get("perClassAccuracy");
        assertTrue(Double.isNaN(perClass[0]), "class 0 has no test images left, got " + perClass[0]);
        assertEquals(75.0, perClass[1], 1e-12);
        assertEquals(1, evaluation.notes().size());
        assertTrue(evaluation.notes().get(0).contains("class 0 (zero)"), evaluation.notes().get(0));
    }

    @Test
    void emptyRetainSetGivesNaNWithNote() {
        ForgetSplit full = classWiseSplit();
        ForgetSplit split = new ForgetSplit(full.scenario(), full.forget(),
                new Subset("retain", full.retain().dataset(), new int[0]), full.test(), full.testForget(),
                full.forgottenClasses());

        Evaluation evaluation = evaluate(create(Map.of()), split, new TestRunContext(folder, 42));

        assertTrue(Double.isNaN(evaluation.scalars().get("RA")));
        assertEquals(70.0, evaluation.scalars().get("UA"), 1e-12);
        assertTrue(evaluation.notes().get(0).contains("retain set is empty"), evaluation.notes().toString());
    }

    @Test
    void logitsOfWrongWidthAreRejected() {
        ForgetSplit split = classWiseSplit();
        try (FixedLinearClassifier model = new FixedLinearClassifier(manager.newSubManager(), 2, 1f)) {
            TestEvaluationContext context = new TestEvaluationContext(new TestRunContext(folder, 42), split, model);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> create(Map.of()).evaluate(context, new EvaluatedModel("m", "M", model, null)));
            assertTrue(error.getMessage().contains("(10, 2)"), error.getMessage());
            assertTrue(error.getMessage().contains("expected (10, 3)"), error.getMessage());
        }
    }

    @Test
    void modelThatIsNoClassifierIsRejected() {
        ForgetSplit split = classWiseSplit();
        try (FixedLinearNetwork model = new FixedLinearNetwork(manager.newSubManager(), 3, 1f)) {
            TestEvaluationContext context = new TestEvaluationContext(new TestRunContext(folder, 42), split, model);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> create(Map.of()).evaluate(context, new EvaluatedModel("plain", "Plain", model, null)));
            assertTrue(error.getMessage().contains("'accuracy' needs a classifier"), error.getMessage());
            assertTrue(error.getMessage().contains("fixed-linear"), error.getMessage());
        }
    }

    @Test
    void diffusionTaskIsRejected() {
        Evaluator evaluator = create(Map.of());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> evaluator.checkSupported(ModelTask.DIFFUSION));
        assertTrue(error.getMessage().contains("'accuracy'"), error.getMessage());
        assertTrue(error.getMessage().contains("diffusion"), error.getMessage());
        assertDoesNotThrow(() -> evaluator.checkSupported(ModelTask.CLASSIFICATION));
    }

    @Test
    void metricKeysAndDefaultsAreStable() {
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        Evaluator evaluator = new AccuracyEvaluatorFactory(SyntheticImages.accuracyDefaults()).create(section, null);

        assertEquals("accuracy", evaluator.name());
        assertEquals(List.of("UA", "RA", "TA"), evaluator.metrics().stream().map(MetricSpec::key).toList());
        for (MetricSpec metric : evaluator.metrics()) {
            assertEquals("%", metric.unit(), metric.key());
            assertTrue(metric.inAverageGap(), metric.key());
        }
        assertEquals(Map.of("batchSize", 500), section.resolved());
    }

    @Test
    void batchSizeOfZeroIsRejected() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> create(Map.of("batchSize", 0)));
        assertTrue(error.getMessage().contains("batchSize"), error.getMessage());
        assertTrue(error.getMessage().contains("got 0"), error.getMessage());
    }
}
