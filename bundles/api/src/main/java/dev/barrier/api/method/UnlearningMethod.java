package dev.barrier.api.method;

import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.model.ModelAdapter;

import org.osgi.annotation.versioning.ConsumerType;

/** Removes the forget set's influence from a model. Created by an {@link UnlearningMethodFactory}. */
@ConsumerType
public interface UnlearningMethod {

    /** Returns the label shown in tables, such as {@code BARRIER (GA)}. */
    String label();

    /**
     * Returns whether this method is the gold standard other methods are compared with (retraining from
     * scratch on the retain set); the average gap is measured against it.
     */
    default boolean isReference() {
        return false;
    }

    /**
     * Checks, before any work starts, that this method can work with models of {@code adapter}: that the
     * layers it targets exist and that its losses support the adapter's task.
     *
     * @throws ConfigurationException naming the offending key of the method's section
     */
    default void checkCompatible(ModelAdapter adapter) {
    }

    /**
     * Unlearns. A method that detects divergence returns an outcome that says where, rather than throwing.
     *
     * @throws IllegalArgumentException if the method cannot work with this model (a missing layer, an
     *         unsupported task); the message says what was expected
     */
    MethodOutcome unlearn(UnlearningContext context);
}
