package dev.barrier.api.eval;

import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.model.NetworkModel;

import java.util.Objects;

/**
 * A model to evaluate.
 *
 * @param id      a stable id: {@code original}, or the method's id in the pipeline
 * @param label   the label shown in tables
 * @param model   the model
 * @param outcome the method's outcome, or null for the original model
 */
public record EvaluatedModel(String id, String label, NetworkModel model, MethodOutcome outcome) {

    /** Checks the required values. */
    public EvaluatedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
    }

    /** Returns whether this is the original model. */
    public boolean isOriginal() {
        return outcome == null;
    }
}
