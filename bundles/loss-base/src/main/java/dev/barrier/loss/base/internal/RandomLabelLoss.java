package dev.barrier.loss.base.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.loss.LossContext;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.ModelTask;

import java.util.Random;

/** The random-label loss; see {@link RandomLabelFactory}. */
final class RandomLabelLoss implements BaseLoss {

    private final boolean includeTrueClass;
    private final int targetClass;
    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();

    RandomLabelLoss(boolean includeTrueClass, int targetClass) {
        this.includeTrueClass = includeTrueClass;
        this.targetClass = targetClass;
    }

    @Override
    public String name() {
        return "rl";
    }

    @Override
    public void checkSupported(ModelTask task) {
        // Both classifiers and diffusion models are supported.
    }

    @Override
    public NDArray compute(LossContext context, Batch forgetBatch) {
        if (context.model() instanceof Classifier classifier) {
            return classification(classifier, context, forgetBatch);
        }
        if (context.model() instanceof DiffusionModel diffusion) {
            return DiffusionRandomLabel.loss(diffusion, context, forgetBatch, targetClass);
        }
        throw new IllegalArgumentException("random labels need a classifier or a diffusion model, got "
                + context.model().architecture());
    }

    private NDArray classification(Classifier classifier, LossContext context, Batch batch) {
        int classes = classifier.inputSpec().numClasses();
        long[] labels = batch.labels().toLongArray();
        long[] random = randomLabels(labels, classes, includeTrueClass, context.random());
        NDArray targets = batch.manager().create(random).toType(DataType.INT64, false);
        NDArray logits = classifier.logits(batch.images(), context.training(), null);
        return crossEntropy.evaluate(new NDList(targets), new NDList(logits));
    }

    /** Draws one random label per sample: from the other classes, or from all classes. */
    static long[] randomLabels(long[] labels, int classes, boolean includeTrueClass, Random random) {
        if (classes < 2) {
            throw new IllegalArgumentException("random labels need at least 2 classes, got " + classes);
        }
        long[] out = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (includeTrueClass) {
                out[i] = random.nextInt(classes);
            } else {
                long drawn = random.nextInt(classes - 1);
                out[i] = drawn >= labels[i] ? drawn + 1 : drawn;
            }
        }
        return out;
    }
}
