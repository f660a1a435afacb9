package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.NetworkModel;

import java.util.Locale;
import java.util.Optional;

/**
 * Detects a classifier that collapsed to predicting (almost) one class: it predicts a fixed sample of
 * images and reports when one class takes more than {@code maxShare} of the predictions.
 */
public final class ClassifierProbe implements UnlearningLoop.Probe {

    private final Subset sample;
    private final double maxShare;

    /**
     * Creates a probe.
     *
     * @param sample   the images to predict (a few hundred retain images are enough)
     * @param maxShare the share of one predicted class above which the model counts as collapsed, such as 0.95
     */
    public ClassifierProbe(Subset sample, double maxShare) {
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("maxShare must be in (0, 1], got " + maxShare);
        }
        this.sample = sample;
        this.maxShare = maxShare;
    }

    @Override
    public Optional<String> check(NetworkModel model) {
        if (sample.size() == 0 || !(model instanceof Classifier classifier)) {
            return Optional.empty();
        }
        int classes = model.inputSpec().numClasses();
        int[] counts = new int[classes];
        try (NDManager manager = model.manager().newSubManager()) {
            for (Batch batch : ImageBatches.inOrder(sample, 256, manager)) {
                try (batch) {
                    NDArray predictions = classifier.logits(batch.images(), false, null).argMax(1);
                    for (long p : predictions.toLongArray()) {
                        counts[(int) p]++;
                    }
                }
            }
        }
        int top = 0;
        for (int c = 1; c < classes; c++) {
            if (counts[c] > counts[top]) {
                top = c;
            }
        }
        double share = (double) counts[top] / sample.size();
        if (share > maxShare) {
            return Optional.of(String.format(Locale.ROOT,
                    "the model collapsed: it predicts class %d for %.1f%% of %d retain images", top, 100 * share,
                    sample.size()));
        }
        return Optional.empty();
    }
}
