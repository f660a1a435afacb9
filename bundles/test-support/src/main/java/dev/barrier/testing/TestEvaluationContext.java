package dev.barrier.testing;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.RunContext;

import java.util.Objects;

/**
 * An evaluation context for unit tests of evaluators: a run, a forget split and, when the evaluator uses it, the
 * original model. It has no model adapter: {@link #adapter()} throws, so an evaluator under test that uses one fails.
 *
 * @param run      the run, usually a {@link TestRunContext}
 * @param split    the forget, retain and test sets
 * @param original the original model, or null when the evaluator under test does not use it
 */
public record TestEvaluationContext(RunContext run, ForgetSplit split, NetworkModel original)
        implements EvaluationContext {

    /** Checks that the run and the split are given. */
    public TestEvaluationContext {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(split, "split");
    }

    /**
     * Throws, because this context has no model adapter.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ModelAdapter adapter() {
        throw new UnsupportedOperationException("this test evaluation context has no model adapter");
    }

    /**
     * Returns the original model.
     *
     * @throws UnsupportedOperationException if the context was created without one
     */
    @Override
    public NetworkModel original() {
        if (original == null) {
            throw new UnsupportedOperationException("this test evaluation context was created without an original"
                    + " model");
        }
        return original;
    }
}
