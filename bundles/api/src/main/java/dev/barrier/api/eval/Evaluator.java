package dev.barrier.api.eval;

import dev.barrier.api.model.ModelTask;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Measures a model. Created by an {@link EvaluatorFactory}. */
@ConsumerType
public interface Evaluator {

    /** Returns the evaluator's name, such as {@code accuracy}. */
    String name();

    /** Returns the metrics this evaluator produces. */
    List<MetricSpec> metrics();

    /**
     * Checks that this evaluator works for models of {@code task}.
     *
     * @throws IllegalArgumentException if it does not
     */
    void checkSupported(ModelTask task);

    /** Measures one model. */
    Evaluation evaluate(EvaluationContext context, EvaluatedModel subject);
}
