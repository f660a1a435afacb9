package dev.barrier.runtime.internal.run;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.RunContext;

/** The contexts handed to methods and evaluators. */
final class Contexts {

    private Contexts() {
    }

    /** The context of one method. */
    record Unlearning(String methodId, RunContext run, ModelAdapter adapter, NetworkModel original, ForgetSplit split,
            long seed) implements UnlearningContext {
    }

    /** The context of evaluations. */
    record Evaluation(RunContext run, ModelAdapter adapter, ForgetSplit split, NetworkModel original)
            implements EvaluationContext {
    }
}
