package dev.barrier.eval.classification.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.ImageBatches;

/**
 * Forward passes of a classifier in evaluation mode over a subset, in subset order. Each batch and the arrays
 * computed from it live in a sub-manager of the model's manager and are freed before the next batch. Only the
 * per-image results reach the host.
 */
final class ClassifierOutputs {

    private ClassifierOutputs() {
    }

    /** Reads the logits [B, classes] of one batch; {@code offset} is the subset position of its first image. */
    @FunctionalInterface
    private interface BatchReader {
        void read(NDArray logits, Batch batch, int offset);
    }

    /**
     * Returns the predicted class (the index of the largest logit, the first one on ties) of every image.
     *
     * @throws IllegalArgumentException if the model's logits are not [B, number of classes of the dataset]
     */
    static int[] predictedClasses(Classifier classifier, Subset subset, int batchSize, ProgressTask progress,
            RunContext run) {
        int[] predicted = new int[subset.size()];
        forEachBatch(classifier, subset, batchSize, progress, run, (logits, batch, offset) -> {
            long[] classes = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
            for (int b = 0; b < classes.length; b++) {
                predicted[offset + b] = (int) classes[b];
            }
        });
        return predicted;
    }

    /**
     * Returns the softmax probability (float32, computed by the engine) that the model gives each image's true
     * label.
     *
     * @throws IllegalArgumentException if the model's logits are not [B, number of classes of the dataset]
     */
    static float[] trueLabelProbabilities(Classifier classifier, Subset subset, int batchSize, ProgressTask progress,
            RunContext run) {
        float[] probabilities = new float[subset.size()];
        int classes = subset.dataset().numClasses();
        forEachBatch(classifier, subset, batchSize, progress, run, (logits, batch, offset) -> {
            float[] softmax = logits.softmax(1).toFloatArray();
            for (int b = 0; b < batch.size(); b++) {
                int label = subset.label(offset + b);
                probabilities[offset + b] = softmax[b * classes + label];
            }
        });
        return probabilities;
    }

    /** Returns the number of batches a pass over {@code subset} takes. */
    static int batchCount(Subset subset, int batchSize) {
        return (subset.size() + batchSize - 1) / batchSize;
    }

    private static void forEachBatch(Classifier classifier, Subset subset, int batchSize, ProgressTask progress,
            RunContext run, BatchReader reader) {
        int classes = subset.dataset().numClasses();
        try (NDManager scope = classifier.manager().newSubManager()) {
            int offset = 0;
            for (Batch batch : ImageBatches.inOrder(subset, batchSize, scope)) {
                try (batch) {
                    NDArray logits = classifier.logits(batch.images(), false, null);
                    checkShape(classifier, subset, logits.getShape(), batch.size(), classes);
                    reader.read(logits, batch, offset);
                    offset += batch.size();
                }
                progress.step(1);
                run.checkCancelled();
            }
        }
    }

    private static void checkShape(Classifier classifier, Subset subset, Shape shape, int images, int classes) {
        if (shape.dimension() != 2 || shape.get(0) != images || shape.get(1) != classes) {
            throw new IllegalArgumentException("model " + classifier.architecture() + " returned logits of shape "
                    + shape + " for a batch of " + images + " images of " + subset + "; expected (" + images + ", "
                    + classes + "), one logit per class of " + subset.dataset().name());
        }
    }
}
