package dev.barrier.eval.classification.internal;

import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.ModelTask;

/** Checks shared by the classification evaluators. */
final class Evaluators {

    private Evaluators() {
    }

    /**
     * Checks that {@code evaluator} can measure models of {@code task}.
     *
     * @throws IllegalArgumentException for any task other than classification
     */
    static void checkClassification(String evaluator, ModelTask task) {
        if (task != ModelTask.CLASSIFICATION) {
            throw new IllegalArgumentException("evaluator '" + evaluator + "' measures classifiers and does not"
                    + " support " + task.name().toLowerCase(java.util.Locale.ROOT) + " models; use an evaluator"
                    + " for that task");
        }
    }

    /**
     * Returns the subject's model as a classifier.
     *
     * @throws IllegalArgumentException if the model does not implement {@link Classifier}
     */
    static Classifier classifier(String evaluator, EvaluatedModel subject) {
        if (subject.model() instanceof Classifier classifier) {
            return classifier;
        }
        throw new IllegalArgumentException("evaluator '" + evaluator + "' needs a classifier, but model '"
                + subject.id() + "' (" + subject.model().architecture() + ") is a "
                + subject.model().getClass().getName());
    }
}
