package dev.barrier.runtime.internal.pipeline;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetProviderFactory;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.EvaluatorFactory;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelAdapterFactory;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.runtime.internal.plugin.PluginDirectory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Small plug-ins for parser tests. They read and validate configuration like real plug-ins do; the parser
 * never runs them, so their run-time methods are not implemented.
 */
final class TestPlugins {

    private TestPlugins() {
    }

    /** A directory with one or two plug-ins of the kinds a pipeline names at its top level. */
    static PluginDirectory directory() {
        Map<PluginKind<?>, Map<String, PluginFactory<?>>> byKind = Map.of(
                PluginKind.DATASET, new TreeMap<>(Map.of("generated", (DatasetProviderFactory) (config, plugins) -> {
                    int size = config.getInt("size", 100, 1, 1000);
                    return new DatasetProvider() {
                        @Override
                        public DatasetSplits load(RunContext context) {
                            throw new UnsupportedOperationException("parser tests do not load data (" + size + ")");
                        }

                        @Override
                        public String describe() {
                            return "generated";
                        }
                    };
                })),
                PluginKind.MODEL, new TreeMap<>(Map.of("tiny", (ModelAdapterFactory) (config, plugins) -> new TinyAdapter())),
                PluginKind.METHOD, new TreeMap<>(Map.of(
                        "retrain", (UnlearningMethodFactory) (config, plugins) -> new Method("Retrain", config, List.of()),
                        "protect", (UnlearningMethodFactory) (config, plugins) -> new Method("Protect", config,
                                config.getStringList("targets", List.of("head"))))),
                PluginKind.EVALUATOR, new TreeMap<>(Map.of("accuracy", (EvaluatorFactory) (config, plugins) -> new Accuracy())));
        return new PluginDirectory(kind -> byKind.getOrDefault(kind, Map.of()));
    }

    /** A method that checks its target layers against the adapter, like the BARRIER method does. */
    static final class Method implements UnlearningMethod {
        private final String label;
        private final ConfigSection config;
        private final List<String> targets;

        Method(String label, ConfigSection config, List<String> targets) {
            this.label = config.getString("label", label);
            this.config = config;
            this.targets = targets;
            config.getDouble("lambda", 1.0, 0, 1e6);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void checkCompatible(ModelAdapter adapter) {
            for (String target : targets) {
                if (!adapter.layerNames().contains(target)) {
                    throw config.error("targets", "model " + adapter.architecture() + " has no layer '" + target
                            + "'; layers: " + String.join(", ", adapter.layerNames()));
                }
            }
        }

        @Override
        public MethodOutcome unlearn(UnlearningContext context) {
            throw new UnsupportedOperationException("parser tests do not unlearn");
        }
    }

    static final class Accuracy implements Evaluator {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public List<MetricSpec> metrics() {
            return List.of();
        }

        @Override
        public void checkSupported(ModelTask task) {
            if (task != ModelTask.CLASSIFICATION) {
                throw new IllegalArgumentException("accuracy needs a classifier");
            }
        }

        @Override
        public Evaluation evaluate(EvaluationContext context, EvaluatedModel subject) {
            throw new UnsupportedOperationException("parser tests do not evaluate");
        }
    }

    /** An adapter that only describes its layers. */
    static final class TinyAdapter implements ModelAdapter {
        @Override
        public String architecture() {
            return "tiny";
        }

        @Override
        public ModelTask task() {
            return ModelTask.CLASSIFICATION;
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of();
        }

        @Override
        public List<String> layerNames() {
            return List.of("conv1", "head");
        }

        @Override
        public TrainingSettings training() {
            return new TrainingSettings(1, 0, 8, TrainingSettings.Optimizer.ADAM, 1e-3, 0, 0, 0, 0);
        }

        @Override
        public NetworkModel create(InputSpec spec, long seed) {
            throw new UnsupportedOperationException("parser tests build no models");
        }

        @Override
        public NetworkModel load(Path file, InputSpec spec) {
            throw new UnsupportedOperationException("parser tests build no models");
        }

        @Override
        public void save(NetworkModel model, Path file) {
            throw new UnsupportedOperationException("parser tests build no models");
        }

        @Override
        public TrainingSummary train(NetworkModel model, Subset data, TrainingSettings settings, RunContext context) {
            throw new UnsupportedOperationException("parser tests train nothing");
        }

        @Override
        public NDArray taskLoss(NetworkModel model, Batch batch, boolean training, Random random) {
            throw new UnsupportedOperationException("parser tests train nothing");
        }

        @Override
        public void collectLayerInputs(NetworkModel model, Subset data, Collection<String> layers,
                CollectionSettings settings, LayerTap sink, RunContext context) {
            throw new UnsupportedOperationException("parser tests collect nothing");
        }
    }

}
