package dev.barrier.method.baselines.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.nn.TrainingSections;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

/**
 * Method {@code ft}: fine-tunes every parameter of the original model on the retain set with the model's
 * usual loss, so that the forget set fades (catastrophic forgetting). Defaults: 2 epochs, Adam, learning
 * rate 1e-3, batch 128.
 */
@Component(service = UnlearningMethodFactory.class, property = "name=ft")
public final class FineTuneMethodFactory implements UnlearningMethodFactory {

    static final TrainingSettings DEFAULTS = new TrainingSettings(2, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-3,
            0.9, 0, 0, 1);

    @Override
    public UnlearningMethod create(ConfigSection config, PluginResolver plugins) {
        String label = config.getString("label", "FT");
        TrainingSettings training = TrainingSections.read(config, DEFAULTS);
        return new FineTune(label, training);
    }

    @Override
    public String description() {
        return "fine-tune all parameters on the retain set";
    }

    record FineTune(String label, TrainingSettings training) implements UnlearningMethod {
        @Override
        public MethodOutcome unlearn(UnlearningContext context) {
            long start = System.nanoTime();
            NetworkModel model = context.original().copy();
            try {
                TrainingSettings seeded = training.withSeed(training.seed() ^ context.seed());
                TrainingSummary summary = context.adapter().train(model, context.split().retain(), seeded,
                        context.run());
                return new MethodOutcome(model, summary.divergence(), (System.nanoTime() - start) / 1e9, List.of(),
                        Map.of("training", seeded.toMap(), "epochLosses", summary.epochLosses()), List.of());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }
    }
}
