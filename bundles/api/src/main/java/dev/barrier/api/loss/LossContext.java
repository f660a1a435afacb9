package dev.barrier.api.loss;

import dev.barrier.api.model.Batch;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;

import java.util.Random;

import org.osgi.annotation.versioning.ProviderType;

/** What a base loss can use during one step of the unlearning loop. */
@ProviderType
public interface LossContext {

    /** Returns the model being unlearned. */
    NetworkModel model();

    /** Returns the model's adapter (for its task loss). */
    ModelAdapter adapter();

    /** Returns the loop's random source, seeded per run. */
    Random random();

    /** Returns whether layers run in training mode during this step. */
    boolean training();

    /**
     * Returns the next batch of the retain set, cycling through a shuffled order. The batch is closed by the
     * loop after the step.
     */
    Batch nextRetainBatch();
}
