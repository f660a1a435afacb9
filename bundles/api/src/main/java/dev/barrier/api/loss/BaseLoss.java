package dev.barrier.api.loss;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.model.Batch;
import dev.barrier.api.model.ModelTask;

import org.osgi.annotation.versioning.ConsumerType;

/** The loss that drives forgetting. Created by a {@link BaseLossFactory}. */
@ConsumerType
public interface BaseLoss {

    /** Returns the loss's name, such as {@code ga}. */
    String name();

    /**
     * Checks that this loss works for models of {@code task}.
     *
     * @throws IllegalArgumentException if it does not; the message names the task and the loss
     */
    void checkSupported(ModelTask task);

    /**
     * Computes the loss for one step.
     *
     * @param context     the model and what else the step can use
     * @param forgetBatch the current batch of the forget set
     * @return a scalar that gradients flow through
     */
    NDArray compute(LossContext context, Batch forgetBatch);
}
