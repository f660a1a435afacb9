package dev.barrier.eval.classification.internal;

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
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIA evaluator on {@link FixedLinearClassifier} with logit scale 5, on images built so that the
 * true-label probability is known: "member-like" images have one bright row (probability above 0.99999),
 * "non-member-like" images have two nearly equal rows (probability between about 0.40 and 0.60).
 */
class MiaEvaluatorTest {

    private static final int TEST_IMAGES = 40;
    private static final float SCALE = 5f;

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

    private static void memberLike(SyntheticImages images, int count, Random random) {
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            int[] rows = new int[4];
            rows[label] = 255;
            rows[(label + 1) % 3] = random.nextInt(41);
            images.add(label, rows);
        }
    }

    private static void nonMemberLike(SyntheticImages images, int count, Random random) {
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            int[] rows = new int[4];
            rows[label] = 180 + random.nextInt(41);
            rows[(label + 1) % 3] = rows[label] + random.nextInt(11) - 5;
            images.add(label, rows);
        }
    }

    /**
     * Training images: 40 member-like retain images, then 80 non-member-like retain images that the shadow set
     * must not use (it takes only the first |test| = 40), then 30 forget images. Test: 40 non-member-like.
     */
    private static ForgetSplit split(boolean forgetLikeMembers) {
        Random random = new Random(11);
        SyntheticImages train = new SyntheticImages("a", "b", "c");
        memberLike(train, TEST_IMAGES, random);
        nonMemberLike(train, 2 * TEST_IMAGES, random);
        int retainEnd = train.size();
        if (forgetLikeMembers) {
            memberLike(train, 30, random);
        } else {
            nonMemberLike(train, 30, random);
        }
        int forgetEnd = train.size();
        SyntheticImages test = new SyntheticImages("a", "b", "c");
        nonMemberLike(test, TEST_IMAGES, random);
        ImageDataset trainData = train.build("train");
        ImageDataset testData = test.build("test");
        return new ForgetSplit("random 30 images", new Subset("forget", trainData, SyntheticImages.range(retainEnd,
                forgetEnd)), new Subset("retain", trainData, SyntheticImages.range(0, retainEnd)),
                Subset.all("test", testData), new Subset("test-forget", testData, new int[0]), new int[0]);
    }

    private static Evaluator create(Map<String, ?> values) {
        return new MiaEvaluatorFactory(SyntheticImages.miaDefaults()).create(ConfigSection.of(values, "test"), null);
    }

    private Evaluation evaluate(ForgetSplit split, TestRunContext run, float scale) {
        try (FixedLinearClassifier model = new FixedLinearClassifier(manager.newSubManager(), 3, scale)) {
            return create(Map.of("batchSize", 16)).evaluate(new TestEvaluationContext(run, split, model),
                    new EvaluatedModel("original", "Original", model, null));
        }
    }

    @Test
    void forgetLikeMembersGivesMiaNearZero() {
        Evaluation evaluation = evaluate(split(true), new TestRunContext(folder, 42), SCALE);

        // The two feature ranges, [0.40, 0.60] and above 0.99999, are disjoint, so the SVM separates them fully.
        double mia = evaluation.scalars().get("MIA");
        assertEquals(0.0, mia, 0.0, "member-like forget images must all be called members");
        assertEquals(List.of(), evaluation.notes());
    }

    @Test
    void forgetLikeNonMembersGivesMiaNearHundred() {
        TestRunContext run = new TestRunContext(folder, 42);
        Evaluation evaluation = evaluate(split(false), run, SCALE);

        // Had the shadow set taken all 120 retain images, 80 non-member-like "members" would outweigh the
        // 40 test non-members around probability 0.5 and the forget images would be called members.
        double mia = evaluation.scalars().get("MIA");
        assertEquals(100.0, mia, 0.0, "non-member-like forget images must all be called non-members");
        // Batches of 16: 40 shadow members (3), 40 test images (3), 30 forget images (2).
        assertEquals(8, run.progress().tasks().get(0).total());
        assertEquals(8, run.progress().tasks().get(0).steps());
    }

    @Test
    void smallRetainSetIsUsedWholeWithNote() {
        ForgetSplit full = split(false);
        Subset retain = full.retain().head(25);
        ForgetSplit split = new ForgetSplit(full.scenario(), full.forget(), retain, full.test(), full.testForget(),
                full.forgottenClasses());

        Evaluation evaluation = evaluate(split, new TestRunContext(folder, 42), SCALE);

        assertTrue(Double.isFinite(evaluation.scalars().get("MIA")));
        assertEquals(1, evaluation.notes().size());
        assertTrue(evaluation.notes().get(0).contains("25 members against 40 non-members"), evaluation.notes().get(0));
    }

    @Test
    void emptyTestSetGivesNaN() {
        ForgetSplit full = split(true);
        ForgetSplit split = new ForgetSplit(full.scenario(), full.forget(), full.retain(),
                new Subset("test", full.test().dataset(), new int[0]), full.testForget(), full.forgottenClasses());

        Evaluation evaluation = evaluate(split, new TestRunContext(folder, 42), SCALE);

        assertTrue(Double.isNaN(evaluation.scalars().get("MIA")));
        assertTrue(evaluation.notes().get(0).contains("undefined (NaN)"), evaluation.notes().toString());
    }

    @Test
    void nonFiniteProbabilitiesGiveNaN() {
        Evaluation evaluation = evaluate(split(true), new TestRunContext(folder, 42), Float.NaN);

        assertTrue(Double.isNaN(evaluation.scalars().get("MIA")));
        assertTrue(evaluation.notes().get(0).contains("non-finite"), evaluation.notes().toString());
        assertTrue(evaluation.notes().get(0).contains("30 of 30 forget images"), evaluation.notes().toString());
    }

    @Test
    void diffusionTaskIsRejected() {
        Evaluator evaluator = create(Map.of());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> evaluator.checkSupported(ModelTask.DIFFUSION));
        assertTrue(error.getMessage().contains("'mia'"), error.getMessage());
        assertDoesNotThrow(() -> evaluator.checkSupported(ModelTask.CLASSIFICATION));
    }

    @Test
    void metricKeyAndDefaultsAreStable() {
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        Evaluator evaluator = new MiaEvaluatorFactory(SyntheticImages.miaDefaults()).create(section, null);

        assertEquals("mia", evaluator.name());
        MetricSpec spec = evaluator.metrics().get(0);
        assertEquals(List.of("MIA"), evaluator.metrics().stream().map(MetricSpec::key).toList());
        assertEquals("MIA-efficacy", spec.label());
        assertEquals("%", spec.unit());
        assertEquals(Boolean.TRUE, spec.higherIsBetter());
        assertTrue(spec.inAverageGap());
        assertEquals(Map.of("batchSize", 500, "cacheSizeMb", 200), section.resolved());
    }

    @Test
    void cacheSizeOfZeroIsRejected() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> create(Map.of("cacheSizeMb", 0)));
        assertTrue(error.getMessage().contains("cacheSizeMb"), error.getMessage());
    }

    @Test
    void memoizedFractionMatchesSinglePredictions() {
        Random random = new Random(5);
        double[] members = new double[200];
        double[] nonMembers = new double[200];
        for (int i = 0; i < members.length; i++) {
            members[i] = (float) Math.min(1, 0.8 + 0.2 * random.nextDouble());
            nonMembers[i] = (float) (0.3 + 0.6 * random.nextDouble());
        }
        MembershipSvm svm = MembershipSvm.fit(members, nonMembers, MiaEvaluator.COST, MiaEvaluator.GAMMA, 10);
        // Values with many repeats, as saturated probabilities give.
        float[] queries = new float[300];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = i % 3 == 0 ? 1f : (float) (0.3 + 0.7 * random.nextInt(20) / 20.0);
        }

        long nonMemberCount = 0;
        for (float query : queries) {
            if (!svm.isMember(query)) {
                nonMemberCount++;
            }
        }
        assertEquals((double) nonMemberCount / queries.length, svm.nonMemberFraction(queries), 0.0);
    }
}
