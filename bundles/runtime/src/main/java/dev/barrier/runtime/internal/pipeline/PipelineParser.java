package dev.barrier.runtime.internal.pipeline;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.report.Reporter;
import dev.barrier.runtime.internal.scenario.ForgetScenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns the root section of a pipeline file into a {@link PipelineDefinition}, creating every plug-in
 * instance. It keeps going after a problem so that one pass reports all of them.
 *
 * <p>Root keys: {@code name} (required), {@code description}, {@code seed}, {@code dataset},
 * {@code forget}, {@code model}, {@code methods} (required, at least one), {@code evaluators},
 * {@code reporters}.
 */
public final class PipelineParser {

    /** Allowed pipeline names and method ids: they become folder names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private final PluginResolver plugins;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /** Creates a parser that resolves plug-ins through {@code plugins}. */
    public PipelineParser(PluginResolver plugins) {
        this.plugins = plugins;
    }

    /**
     * Parses and validates.
     *
     * @throws ConfigurationException listing every problem found
     */
    public PipelineDefinition parse(ConfigSection root, Path source) {
        root.collectProblems(problems::add);
        String name = attempt(() -> {
            String value = root.getString("name");
            if (!NAME.matcher(value).matches()) {
                throw root.error("name", "pipeline names use letters, digits, '.', '_' and '-' (at most 80), got '"
                        + value + "'");
            }
            return value;
        });
        String description = attempt(() -> root.getString("description", ""));
        Long seed = attempt(() -> root.getLong("seed", 42));

        ConfigSection datasetSection = attempt(() -> root.section("dataset", PluginKind.DATASET.selectorKey()));
        DatasetProvider dataset = datasetSection == null ? null
                : attempt(() -> plugins.create(PluginKind.DATASET, datasetSection));

        ConfigSection forgetSection = attempt(() -> root.section("forget", "scenario"));
        ForgetScenario scenario = forgetSection == null ? null
                : attempt(forgetSection, () -> ForgetScenario.fromConfig(forgetSection));

        if (dataset != null && scenario != null && dataset.classCount().isPresent()) {
            attempt(forgetSection, () -> {
                scenario.checkClassCount(dataset.classCount().getAsInt());
                return Boolean.TRUE;
            });
        }

        ConfigSection modelSection = attempt(() -> root.section("model", PluginKind.MODEL.selectorKey()));
        Path modelFile = modelSection == null ? null : attempt(() -> modelFile(modelSection));
        Boolean useCache = modelSection == null ? Boolean.TRUE : attempt(() -> modelSection.getBoolean("cache", true));
        ModelAdapter model = modelSection == null ? null
                : attempt(() -> plugins.create(PluginKind.MODEL, modelSection));

        List<PipelineDefinition.MethodEntry> methods = methods(root);
        List<Evaluator> evaluators = list(root, "evaluators", PluginKind.EVALUATOR);
        List<Reporter> reporters = list(root, "reporters", PluginKind.REPORTER);

        if (model != null) {
            checkCompatibility(model, methods, evaluators, root);
        }
        problems.addAll(root.unreadKeys());
        if (!problems.isEmpty()) {
            List<ConfigProblem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
            distinct.sort(Comparator.comparingInt((ConfigProblem p) -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new ConfigurationException(distinct);
        }
        return new PipelineDefinition(name, description, source, root, seed, dataset, scenario, model, modelFile,
                useCache, methods, evaluators, reporters);
    }

    private Path modelFile(ConfigSection section) {
        String text = section.getString("file", null);
        if (text == null) {
            return null;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            Path base = Path.of(section.location().source()).toAbsolutePath().getParent();
            path = base == null ? path.toAbsolutePath() : base.resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw section.error("file", "model file not found: " + path.normalize());
        }
        return path.normalize();
    }

    private List<PipelineDefinition.MethodEntry> methods(ConfigSection root) {
        List<ConfigSection> sections = attempt(() -> root.sections("methods", PluginKind.METHOD.selectorKey()));
        List<PipelineDefinition.MethodEntry> out = new ArrayList<>();
        if (sections == null) {
            return out;
        }
        if (sections.isEmpty()) {
            problems.add(root.problem("methods", "a pipeline needs at least one entry under 'methods', such as"
                    + " '- method: barrier'"));
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (ConfigSection section : sections) {
            String plugin = attempt(() -> section.getString(PluginKind.METHOD.selectorKey()));
            String id = attempt(() -> {
                String value = section.getString("id", plugin == null ? "method" : plugin);
                if (!NAME.matcher(value).matches() || value.equals("original")) {
                    throw section.error("id", "method ids use letters, digits, '.', '_' and '-' and cannot be"
                            + " 'original', got '" + value + "'");
                }
                return value;
            });
            if (id != null && !ids.add(id)) {
                problems.add(section.problem("id", "method id '" + id + "' is used twice; give each method a"
                        + " distinct 'id'"));
                // The entry is not handed to its plug-in, so its other keys stay unread without being wrong.
                section.abandon();
                continue;
            }
            if (plugin == null) {
                section.abandon();
            }
            UnlearningMethod method = plugin == null ? null : attempt(() -> plugins.create(PluginKind.METHOD, section));
            if (method != null && id != null) {
                out.add(new PipelineDefinition.MethodEntry(id, plugin, method, section));
            }
        }
        return out;
    }

    private <T> List<T> list(ConfigSection root, String key, PluginKind<T> kind) {
        List<ConfigSection> sections = attempt(() -> root.sections(key, kind.selectorKey()));
        List<T> out = new ArrayList<>();
        if (sections != null) {
            for (ConfigSection section : sections) {
                T instance = attempt(() -> plugins.create(kind, section));
                if (instance != null) {
                    out.add(instance);
                }
            }
        }
        return out;
    }

    private void checkCompatibility(ModelAdapter model, List<PipelineDefinition.MethodEntry> methods,
            List<Evaluator> evaluators, ConfigSection root) {
        for (PipelineDefinition.MethodEntry entry : methods) {
            attempt(() -> {
                try {
                    entry.method().checkCompatible(model);
                } catch (ConfigurationException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw entry.section().error(PluginKind.METHOD.selectorKey(), e.getMessage());
                }
                return Boolean.TRUE;
            });
        }
        for (Evaluator evaluator : evaluators) {
            attempt(() -> {
                try {
                    evaluator.checkSupported(model.task());
                } catch (IllegalArgumentException e) {
                    throw root.error("evaluators", e.getMessage());
                }
                return Boolean.TRUE;
            });
        }
    }

    /** Like {@link #attempt(Supplier)}, and marks {@code section} as abandoned when the step fails. */
    private <T> T attempt(ConfigSection section, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigurationException e) {
            section.abandon();
            problems.addAll(e.problems());
            return null;
        }
    }

    private <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
