package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDManager;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.nn.ImageBatches;

import java.util.Map;
import java.util.TreeMap;

/** Measurements on models shared by the tests. */
final class Evaluation {

    private Evaluation() {
    }

    /** Returns the fraction of {@code data} that the model classifies correctly, in evaluation mode. */
    static double accuracy(Classifier model, ImageDataset data) {
        long correct = 0;
        try (NDManager manager = model.manager().newSubManager()) {
            for (Batch batch : ImageBatches.inOrder(Subset.all("test", data), 500, manager)) {
                try (batch) {
                    long[] predicted = model.logits(batch.images(), false, null).argMax(1).toLongArray();
                    long[] labels = batch.labels().toLongArray();
                    for (int i = 0; i < labels.length; i++) {
                        correct += predicted[i] == labels[i] ? 1 : 0;
                    }
                }
            }
        }
        return correct / (double) data.size();
    }

    /** Returns a copy of every parameter's values, by qualified name. */
    static Map<String, float[]> values(NetworkModel model) {
        Map<String, float[]> values = new TreeMap<>();
        model.parameters().forEach((name, parameter) -> values.put(name, parameter.getArray().toFloatArray()));
        return values;
    }
}
