package dev.barrier.runtime.internal.pipeline;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.report.Reporter;
import dev.barrier.runtime.internal.scenario.ForgetScenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated pipeline: every plug-in instance created and configured, nothing run yet.
 *
 * @param name        the pipeline name
 * @param description a free-text description, possibly empty
 * @param source      the pipeline file
 * @param root        the root section, whose resolved values are the effective configuration
 * @param seed        the run seed
 * @param dataset     the dataset provider
 * @param scenario    how the forget set is chosen
 * @param model       the model adapter
 * @param modelFile   a pre-trained original model to load instead of training one, or null
 * @param useCache    whether trained original models are cached and reused
 * @param methods     the methods, in file order
 * @param evaluators  the evaluators, in file order
 * @param reporters   the reporters, in file order
 */
public record PipelineDefinition(String name, String description, Path source, ConfigSection root, long seed,
        DatasetProvider dataset, ForgetScenario scenario, ModelAdapter model, Path modelFile, boolean useCache,
        List<MethodEntry> methods, List<Evaluator> evaluators, List<Reporter> reporters) {

    /**
     * Returns the label under which a method's results are shown. When another method of this pipeline has
     * the same label (two variants of one method that differ in a setting), the id follows in brackets.
     *
     * @param entry one of this pipeline's methods
     * @return the label to show
     */
    public String displayLabel(MethodEntry entry) {
        String label = entry.method().label();
        boolean shared = methods.stream().anyMatch(other -> other != entry && other.method().label().equals(label));
        return shared ? label + " [" + entry.id() + "]" : label;
    }

    /**
     * One method of the pipeline.
     *
     * @param id      the id used in results (unique in the pipeline)
     * @param plugin  the method plug-in's name
     * @param method  the configured instance
     * @param section the method's section, for its effective settings
     */
    public record MethodEntry(String id, String plugin, UnlearningMethod method, ConfigSection section) {
    }
}
