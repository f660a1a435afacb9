package dev.barrier.method.baselines.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.nn.TrainingSections;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

/**
 * Method {@code retrain}: trains a new model from scratch on the retain set, the gold standard every other
 * method is compared with. Its training settings default to the model adapter's (the ones the original
 * model was trained with); keys of the method's section ({@code epochs}, {@code batchSize},
 * {@code learningRate}, ...) override them.
 */
@Component(service = UnlearningMethodFactory.class, property = "name=retrain")
public final class RetrainFactory implements UnlearningMethodFactory {

    @Override
    public UnlearningMethod create(ConfigSection config, PluginResolver plugins) {
        return new Retrain(config, config.getString("label", "Retrain"));
    }

    @Override
    public String description() {
        return "retrain from scratch on the retain set (the reference for the average gap)";
    }

    static final class Retrain implements UnlearningMethod {
        private final ConfigSection section;
        private final String label;
        private TrainingSettings training;

        Retrain(ConfigSection section, String label) {
            this.section = section;
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public boolean isReference() {
            return true;
        }

        @Override
        public void checkCompatible(ModelAdapter adapter) {
            training = TrainingSections.read(section, adapter.training());
        }

        @Override
        public MethodOutcome unlearn(UnlearningContext context) {
            if (training == null) {
                checkCompatible(context.adapter());
            }
            long start = System.nanoTime();
            NetworkModel model = context.adapter().create(context.original().inputSpec(), training.seed());
            try {
                TrainingSummary summary = context.adapter().train(model, context.split().retain(), training,
                        context.run());
                return new MethodOutcome(model, summary.divergence(), (System.nanoTime() - start) / 1e9, List.of(),
                        Map.of("training", training.toMap(), "epochLosses", summary.epochLosses()),
                        List.of("trained from scratch on " + context.split().retain().size() + " retain images"));
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }
    }
}
