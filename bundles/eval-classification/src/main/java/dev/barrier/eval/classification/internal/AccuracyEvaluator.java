package dev.barrier.eval.classification.internal;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures unlearning accuracy (UA = 100 − accuracy on the forget set), retain accuracy (RA), test accuracy
 * (TA, on {@link ForgetSplit#test()}, which for class-wise forgetting leaves out the forgotten classes) and,
 * as the series {@value #PER_CLASS_ACCURACY}, the accuracy of each class over every test image
 * ({@link ForgetSplit#test()} and {@link ForgetSplit#testForget()}), in class order. All values are in
 * percent. A value with no images to measure is NaN, and a note gives the reason.
 */
final class AccuracyEvaluator implements Evaluator {

    /** The plug-in name. */
    static final String NAME = "accuracy";
    /** The key of unlearning accuracy. */
    static final String UA = "UA";
    /** The key of retain accuracy. */
    static final String RA = "RA";
    /** The key of test accuracy. */
    static final String TA = "TA";
    /** The key of the per-class accuracy series. */
    static final String PER_CLASS_ACCURACY = "perClassAccuracy";

    private static final Logger LOG = LoggerFactory.getLogger(AccuracyEvaluator.class);

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec(UA, "UA", "%", Boolean.TRUE, true,
                    "Unlearning accuracy: 100 minus the accuracy on the forget set."),
            new MetricSpec(RA, "RA", "%", Boolean.TRUE, true, "Accuracy on the retain set."),
            new MetricSpec(TA, "TA", "%", Boolean.TRUE, true,
                    "Accuracy on the test set; for class-wise forgetting, on the test images of the remaining"
                            + " classes."));

    private final int batchSize;

    /**
     * Creates the evaluator.
     *
     * @param batchSize images per forward pass
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     */
    AccuracyEvaluator(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public void checkSupported(ModelTask task) {
        Evaluators.checkClassification(NAME, task);
    }

    /**
     * Measures one classifier.
     *
     * @throws IllegalArgumentException if the model is not a {@link Classifier}, or its logits do not have
     *         one entry per class of the data
     */
    @Override
    public Evaluation evaluate(EvaluationContext context, EvaluatedModel subject) {
        Classifier classifier = Evaluators.classifier(NAME, subject);
        ForgetSplit split = context.split();
        RunContext run = context.run();
        int classes = split.test().dataset().numClasses();
        List<Subset> subsets = List.of(split.forget(), split.retain(), split.test(), split.testForget());
        int batches = subsets.stream().mapToInt(s -> ClassifierOutputs.batchCount(s, batchSize)).sum();

        long start = System.nanoTime();
        ClassTally forget;
        ClassTally retain;
        ClassTally test;
        ClassTally testForget;
        try (ProgressTask progress = run.progress().start("accuracy of " + subject.label(), batches, "batches")) {
            forget = tally(classifier, split.forget(), split.forget().dataset().numClasses(), progress, run);
            retain = tally(classifier, split.retain(), split.retain().dataset().numClasses(), progress, run);
            test = tally(classifier, split.test(), classes, progress, run);
            testForget = tally(classifier, split.testForget(), classes, progress, run);
        }
        ClassTally allTest = new ClassTally(classes);
        allTest.addAll(test);
        allTest.addAll(testForget);

        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(UA, 100.0 - forget.accuracy());
        scalars.put(RA, retain.accuracy());
        scalars.put(TA, test.accuracy());
        double[] perClass = allTest.perClassAccuracy();
        LOG.debug("Accuracy of {} measured in {} s: {}", subject.id(), (System.nanoTime() - start) / 1e9, scalars);
        return new Evaluation(scalars, Map.of(PER_CLASS_ACCURACY, perClass),
                notes(split, retain, test, allTest));
    }

    private ClassTally tally(Classifier classifier, Subset subset, int classes, ProgressTask progress, RunContext run) {
        int[] predicted = ClassifierOutputs.predictedClasses(classifier, subset, batchSize, progress, run);
        ClassTally tally = new ClassTally(classes);
        for (int i = 0; i < predicted.length; i++) {
            tally.add(subset.label(i), predicted[i]);
        }
        return tally;
    }

    private static List<String> notes(ForgetSplit split, ClassTally retain, ClassTally test, ClassTally allTest) {
        List<String> notes = new ArrayList<>();
        if (retain.images() == 0) {
            notes.add("accuracy: the retain set is empty, so RA is undefined (NaN)");
        }
        if (test.images() == 0) {
            notes.add("accuracy: the test set is empty, so TA is undefined (NaN)");
        }
        List<String> missing = new ArrayList<>();
        List<String> names = split.test().dataset().classNames();
        for (int c = 0; c < names.size(); c++) {
            if (allTest.images(c) == 0) {
                missing.add(c + " (" + names.get(c) + ")");
            }
        }
        if (!missing.isEmpty()) {
            notes.add("accuracy: no test images of class " + String.join(", ", missing)
                    + ", so per-class accuracy is undefined (NaN) there");
        }
        return notes;
    }

    @Override
    public String toString() {
        return NAME + " (batch size " + batchSize + ")";
    }
}
