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
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures MIA-efficacy as SalUn (Fan et al., 2024) defines it. The feature of an image is the softmax
 * probability the model gives its true label. A shadow training set pairs the first |test| images of the
 * retain set, in subset order (members), with every image of {@link ForgetSplit#test()} (non-members; for
 * class-wise forgetting, the test images of the remaining classes). An RBF support vector machine with C = 3
 * and γ = 1 / number of features = 1 (scikit-learn's {@code SVC(C=3, gamma="auto", kernel="rbf")}) learns to
 * tell them apart, and MIA-efficacy is 100 × the fraction of forget images it predicts to be non-members. A
 * model that has forgotten its forget set well scores high.
 *
 * <p>When the retain set has fewer images than the test set, all of it is used and a note reports it. When a set
 * is empty, or the model gives a non-finite probability, the metric is NaN and a note gives the reason.
 */
final class MiaEvaluator implements Evaluator {

    /** The plug-in name. */
    static final String NAME = "mia";
    /** The key of MIA-efficacy. */
    static final String MIA = "MIA";
    /** The SVM's penalty C, as in SalUn's evaluation. */
    static final double COST = 3.0;
    /** The number of features per image: the true-label probability. */
    static final int FEATURES = 1;
    /** The kernel width γ = 1 / number of features, LIBSVM's default and scikit-learn's {@code gamma="auto"}. */
    static final double GAMMA = 1.0 / FEATURES;

    private static final Logger LOG = LoggerFactory.getLogger(MiaEvaluator.class);

    private static final List<MetricSpec> METRICS = List.of(new MetricSpec(MIA, "MIA-efficacy", "%", Boolean.TRUE,
            true, "Percentage of forget images that a membership-inference SVM (RBF, C = 3, gamma = 1, trained on"
                    + " the true-label probability of retain and test images) predicts to be non-members."));

    private final int batchSize;
    private final int cacheSizeMb;

    /**
     * Creates the evaluator.
     *
     * @param batchSize   images per forward pass
     * @param cacheSizeMb LIBSVM's kernel cache in MB
     * @throws IllegalArgumentException if a value is not positive
     */
    MiaEvaluator(int batchSize, int cacheSizeMb) {
        if (batchSize <= 0 || cacheSizeMb <= 0) {
            throw new IllegalArgumentException("batch size and cache size must be positive, got " + batchSize
                    + " and " + cacheSizeMb + " MB");
        }
        this.batchSize = batchSize;
        this.cacheSizeMb = cacheSizeMb;
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
        Subset nonMembers = split.test();
        Subset members = split.retain().head(nonMembers.size());
        Subset forget = split.forget();
        List<String> notes = new ArrayList<>();
        if (members.size() > 0 && members.size() < nonMembers.size()) {
            notes.add("MIA: the retain set has only " + members.size() + " images, so the shadow set has "
                    + members.size() + " members against " + nonMembers.size() + " non-members");
        }
        if (members.size() == 0 || nonMembers.size() == 0) {
            notes.add("MIA: the shadow set needs retain and test images, got " + members.size() + " and "
                    + nonMembers.size() + ", so MIA-efficacy is undefined (NaN)");
            return new Evaluation(Map.of(MIA, Double.NaN), Map.of(), notes);
        }

        float[] memberFeatures;
        float[] nonMemberFeatures;
        float[] forgetFeatures;
        int batches = ClassifierOutputs.batchCount(members, batchSize)
                + ClassifierOutputs.batchCount(nonMembers, batchSize) + ClassifierOutputs.batchCount(forget, batchSize);
        try (ProgressTask progress = run.progress().start("MIA features of " + subject.label(), batches, "batches")) {
            memberFeatures = ClassifierOutputs.trueLabelProbabilities(classifier, members, batchSize, progress, run);
            nonMemberFeatures = ClassifierOutputs.trueLabelProbabilities(classifier, nonMembers, batchSize, progress,
                    run);
            forgetFeatures = ClassifierOutputs.trueLabelProbabilities(classifier, forget, batchSize, progress, run);
        }
        String nonFinite = describeNonFinite(memberFeatures, "shadow members") + describeNonFinite(nonMemberFeatures,
                "shadow non-members") + describeNonFinite(forgetFeatures, "forget images");
        if (!nonFinite.isEmpty()) {
            notes.add("MIA: the model gives non-finite true-label probabilities (" + nonFinite.substring(2)
                    + "), so MIA-efficacy is undefined (NaN)");
            return new Evaluation(Map.of(MIA, Double.NaN), Map.of(), notes);
        }

        MembershipSvm svm;
        int samples = members.size() + nonMembers.size();
        try (ProgressTask fitting = run.progress().start("MIA shadow SVM of " + subject.label() + " on " + samples
                + " samples", 0, "fits")) {
            svm = MembershipSvm.fit(toDouble(memberFeatures), toDouble(nonMemberFeatures), COST, GAMMA, cacheSizeMb);
            fitting.step(1);
        }
        double efficacy = 100.0 * svm.nonMemberFraction(forgetFeatures);
        LOG.debug("MIA of {}: {} members, {} non-members, {} support vectors, fitted in {} s; MIA-efficacy {}",
                subject.id(), members.size(), nonMembers.size(), svm.supportVectors(), svm.fitSeconds(), efficacy);
        return new Evaluation(Map.of(MIA, efficacy), Map.of(), notes);
    }

    private static String describeNonFinite(float[] features, String what) {
        int count = 0;
        for (float feature : features) {
            if (!Float.isFinite(feature)) {
                count++;
            }
        }
        return count == 0 ? "" : ", " + count + " of " + features.length + " " + what;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return NAME + " (batch size " + batchSize + ", SVM cache " + cacheSizeMb + " MB)";
    }
}
