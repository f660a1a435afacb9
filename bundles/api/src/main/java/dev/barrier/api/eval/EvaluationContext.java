package dev.barrier.api.eval;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.RunContext;

import org.osgi.annotation.versioning.ProviderType;

/** What an evaluator can use. */
@ProviderType
public interface EvaluationContext {

    /** Returns the run. */
    RunContext run();

    /** Returns the adapter of the model family. */
    ModelAdapter adapter();

    /** Returns the forget, retain and test sets. */
    ForgetSplit split();

    /** Returns the original model (before unlearning). */
    NetworkModel original();
}
