package dev.barrier.loss.base.internal;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.loss.BaseLossFactory;
import dev.barrier.api.loss.LossContext;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Component;

/**
 * Base loss {@code ft}: fine-tuning, the task loss on a retain batch drawn for each step; the forget batch
 * only paces the loop. It has no settings.
 */
@Component(service = BaseLossFactory.class, property = "name=ft")
public final class FineTuneFactory implements BaseLossFactory {

    @Override
    public BaseLoss create(ConfigSection config, PluginResolver plugins) {
        return new FineTune();
    }

    @Override
    public String description() {
        return "fine-tuning: the task loss on retain batches";
    }

    static final class FineTune implements BaseLoss {
        @Override
        public String name() {
            return "ft";
        }

        @Override
        public void checkSupported(ModelTask task) {
            // The task loss exists for every task.
        }

        @Override
        public NDArray compute(LossContext context, Batch forgetBatch) {
            return context.adapter().taskLoss(context.model(), context.nextRetainBatch(), context.training(),
                    context.random());
        }
    }
}
