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
 * Base loss {@code ga}: gradient ascent, the negated task loss on the forget batch (negative cross-entropy
 * for classifiers, negative noise-prediction error for diffusion models). It has no settings.
 *
 * <p>Note: unbounded below, so with ordinary learning rates it drives a classifier to collapse or to
 * non-finite weights within an epoch; the unlearning loop detects that and reports the run as diverged.
 */
@Component(service = BaseLossFactory.class, property = "name=ga")
public final class GradientAscentFactory implements BaseLossFactory {

    @Override
    public BaseLoss create(ConfigSection config, PluginResolver plugins) {
        return new GradientAscent();
    }

    @Override
    public String description() {
        return "gradient ascent: the negated task loss on forget batches";
    }

    static final class GradientAscent implements BaseLoss {
        @Override
        public String name() {
            return "ga";
        }

        @Override
        public void checkSupported(ModelTask task) {
            // The task loss exists for every task.
        }

        @Override
        public NDArray compute(LossContext context, Batch forgetBatch) {
            return context.adapter().taskLoss(context.model(), forgetBatch, context.training(), context.random()).neg();
        }
    }
}
