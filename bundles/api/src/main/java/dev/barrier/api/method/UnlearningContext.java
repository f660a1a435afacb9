package dev.barrier.api.method;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.RunContext;

import org.osgi.annotation.versioning.ProviderType;

/** What an unlearning method works with. */
@ProviderType
public interface UnlearningContext {

    /** Returns the run. */
    RunContext run();

    /** Returns the adapter of the model family. */
    ModelAdapter adapter();

    /** Returns the original model; methods must not modify it (work on {@link NetworkModel#copy()}). */
    NetworkModel original();

    /** Returns the forget, retain and test sets. */
    ForgetSplit split();

    /** Returns the method's id in the pipeline (unique within a run), for file names and logs. */
    String methodId();

    /** Returns this method's seed, derived from the run seed and the method's position. */
    long seed();
}
