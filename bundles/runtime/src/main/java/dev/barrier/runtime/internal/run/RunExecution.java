package dev.barrier.runtime.internal.run;

import dev.barrier.api.data.DatasetException;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.RunResults;
import dev.barrier.runtime.internal.pipeline.PipelineDefinition;
import dev.barrier.runtime.internal.pipeline.PipelineDefinition.MethodEntry;
import dev.barrier.runtime.internal.results.ResultsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs a validated pipeline into its folder: data, original model (cached), each method in turn,
 * evaluations, results and reports. A failing method is recorded as failed and the others still run.
 */
final class RunExecution {

    /** The metric key of the average gap to the reference method. */
    static final String AVERAGE_GAP = "avgGap";

    private final PipelineDefinition pipeline;
    private final RunFolder folder;
    private final RunContextImpl context;
    private final Instant started;

    RunExecution(PipelineDefinition pipeline, RunFolder folder, RunContextImpl context, Instant started) {
        this.pipeline = pipeline;
        this.folder = folder;
        this.context = context;
        this.started = started;
    }

    /** Writes the configuration files that describe the run before it starts. */
    void writeConfiguration() throws IOException {
        Files.copy(pipeline.source(), folder.resolve("pipeline.yaml"));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        String header = "# The effective configuration of run " + folder.id() + ": every setting read, defaults"
                + " included.\n";
        RunFolder.writeAtomically(folder.resolve("resolved-config.yaml"),
                header + new Yaml(options).dump(toPlain(pipeline.root().resolved())));
    }

    /** Runs every step; throws if a step other than a single method fails. */
    RunResults execute() throws IOException {
        RunLogImpl log = context.runLog();
        log.info("Run {} of pipeline '{}' ({})", folder.id(), pipeline.name(), pipeline.source());
        log.info("Engine: {}", context.torch().describe());

        DatasetSplits data = pipeline.dataset().load(context);
        log.info("Data: {} train and {} test images from {}", data.train().size(), data.test().size(), data.source());
        ForgetSplit split = pipeline.scenario().split(data, pipeline.seed());
        log.info("Forget set: {}; {} forget, {} retain, {} test images", split.scenario(), split.forget().size(),
                split.retain().size(), split.test().size());
        writeSplits(split);
        context.checkCancelled();

        ModelAdapter adapter = pipeline.model();
        InputSpec spec = new InputSpec(data.train().channels(), data.train().height(), data.train().width(),
                data.train().numClasses());
        List<MetricSpec> metricSpecs = metricSpecs();
        ModelResult originalResult;
        List<ModelResult> methodResults = new ArrayList<>();
        try (OriginalModel original = originalModel(adapter, spec, data)) {
            Contexts.Evaluation evaluationContext = new Contexts.Evaluation(context, adapter, split, original.model());
            originalResult = evaluate(evaluationContext, new EvaluatedModel("original", "Original", original.model(), null),
                    "", MethodStatus.COMPLETED, "", original.seconds(), Map.of("trainingSource", original.source()),
                    List.of());
            for (MethodEntry entry : pipeline.methods()) {
                context.checkCancelled();
                methodResults.add(runMethod(entry, adapter, original.model(), split, evaluationContext));
            }
        }
        List<ModelResult> rows = new ArrayList<>();
        rows.add(originalResult);
        rows.addAll(methodResults);
        rows = withAverageGap(rows, metricSpecs);
        return new RunResults(folder.id(), pipeline.name(), started, Instant.now(), environment(), dataSummary(data, split),
                toPlain(pipeline.root().resolved()), metricSpecs, rows.get(0), rows.subList(1, rows.size()), List.of());
    }

    /**
     * Writes {@code metrics.json} and runs the reporters in configuration order; each reporter sees, in
     * {@link RunResults#artifacts()}, the files the reporters before it wrote. Returns the reporters' failures.
     */
    List<String> report(RunResults results) throws IOException {
        RunFolder.writeAtomically(folder.resolve(RunFolder.METRICS_FILE), ResultsJson.write(results));
        List<String> failures = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        for (Reporter reporter : pipeline.reporters()) {
            try {
                for (Path file : reporter.write(withArtifacts(results, artifacts), context)) {
                    artifacts.add(folder.path().relativize(file.toAbsolutePath()).toString());
                }
            } catch (IOException | RuntimeException e) {
                context.runLog().error("Reporter '" + reporter.name() + "' failed: " + e.getMessage(), e);
                failures.add("reporter '" + reporter.name() + "' failed: " + e.getMessage());
            }
        }
        if (!artifacts.isEmpty()) {
            RunFolder.writeAtomically(folder.resolve(RunFolder.METRICS_FILE),
                    ResultsJson.write(withArtifacts(results, artifacts)));
        }
        return failures;
    }

    private static RunResults withArtifacts(RunResults results, List<String> artifacts) {
        return new RunResults(results.runId(), results.name(), results.started(), results.finished(),
                results.environment(), results.data(), results.configuration(), results.metrics(), results.original(),
                results.methods(), artifacts);
    }

    private ModelResult runMethod(MethodEntry entry, ModelAdapter adapter, NetworkModel original,
            ForgetSplit split, Contexts.Evaluation evaluationContext) {
        RunLogImpl log = context.runLog();
        String label = pipeline.displayLabel(entry);
        log.info("Method {} ({}): starting", entry.id(), label);
        // Derived from the id, not the position, so that a method's result does not depend on the others listed.
        long seed = pipeline.seed() * 1_000_003L + 7919L * entry.id().hashCode();
        long start = System.nanoTime();
        MethodOutcome outcome;
        try {
            outcome = entry.method().unlearn(new Contexts.Unlearning(entry.id(), context, adapter, original, split, seed));
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            double seconds = (System.nanoTime() - start) / 1e9;
            log.error("Method " + entry.id() + " failed: " + describe(e), e);
            return new ModelResult(entry.id(), label, entry.plugin(), MethodStatus.FAILED, describe(e), seconds, Map.of(),
                    Map.of(), List.of(), toPlain(entry.section().resolved()), List.of());
        }
        try (NetworkModel model = outcome.model()) {
            if (outcome.diverged()) {
                log.warn("Method {} diverged: {}", entry.id(), outcome.divergence());
                return new ModelResult(entry.id(), label, entry.plugin(), MethodStatus.DIVERGED,
                        outcome.divergence().toString(), outcome.seconds(), Map.of(), Map.of(), outcome.certificate(),
                        settings(entry, outcome), outcome.notes());
            }
            log.info("Method {} finished in {}", entry.id(), ConsoleProgress.duration(outcome.seconds()));
            return evaluate(evaluationContext, new EvaluatedModel(entry.id(), label, model, outcome), entry.plugin(),
                    MethodStatus.COMPLETED, "", outcome.seconds(), settings(entry, outcome), outcome.notes());
        }
    }

    private static Map<String, Object> settings(MethodEntry entry, MethodOutcome outcome) {
        Map<String, Object> settings = new LinkedHashMap<>(toPlain(entry.section().resolved()));
        settings.putAll(outcome.details());
        return settings;
    }

    private ModelResult evaluate(Contexts.Evaluation evaluationContext, EvaluatedModel subject, String plugin,
            MethodStatus status, String detail, double seconds, Map<String, Object> settings, List<String> notes) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, double[]> series = new LinkedHashMap<>();
        List<String> allNotes = new ArrayList<>(notes);
        for (Evaluator evaluator : pipeline.evaluators()) {
            context.checkCancelled();
            Evaluation evaluation = evaluator.evaluate(evaluationContext, subject);
            metrics.putAll(evaluation.scalars());
            series.putAll(evaluation.series());
            allNotes.addAll(evaluation.notes());
        }
        if (!metrics.isEmpty()) {
            context.runLog().info("{}: {}", subject.label(), metrics.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        List<dev.barrier.api.region.LayerCertificate> certificate = subject.outcome() == null ? List.of()
                : subject.outcome().certificate();
        return new ModelResult(subject.id(), subject.label(), plugin, status, detail, seconds, metrics, series,
                certificate, settings, allNotes);
    }

    private List<MetricSpec> metricSpecs() {
        List<MetricSpec> specs = new ArrayList<>();
        for (Evaluator evaluator : pipeline.evaluators()) {
            specs.addAll(evaluator.metrics());
        }
        boolean hasReference = pipeline.methods().stream().anyMatch(m -> m.method().isReference());
        if (hasReference && specs.stream().anyMatch(MetricSpec::inAverageGap)) {
            specs.add(new MetricSpec(AVERAGE_GAP, "Avg. Gap", "", Boolean.FALSE, false,
                    "Mean absolute difference to the reference method (retraining) over "
                            + specs.stream().filter(MetricSpec::inAverageGap).map(MetricSpec::label)
                                    .collect(Collectors.joining(", "))));
        }
        return specs;
    }

    /**
     * Adds the average gap to the reference method to every completed row, when the pipeline has a completed
     * reference method; returns the rows unchanged otherwise. The first row is the original model.
     */
    private List<ModelResult> withAverageGap(List<ModelResult> rows, List<MetricSpec> specs) {
        int referenceIndex = IntStream.range(0, pipeline.methods().size())
                .filter(i -> pipeline.methods().get(i).method().isReference()).findFirst().orElse(-1);
        if (referenceIndex < 0 || rows.get(referenceIndex + 1).status() != MethodStatus.COMPLETED) {
            return rows;
        }
        Map<String, Double> reference = rows.get(referenceIndex + 1).metrics();
        List<String> keys = specs.stream().filter(MetricSpec::inAverageGap).map(MetricSpec::key).toList();
        List<ModelResult> out = new ArrayList<>();
        for (ModelResult row : rows) {
            boolean measurable = row.status() == MethodStatus.COMPLETED && !keys.isEmpty()
                    && keys.stream().allMatch(k -> row.metrics().containsKey(k) && reference.containsKey(k));
            if (!measurable) {
                out.add(row);
                continue;
            }
            double gap = keys.stream().mapToDouble(k -> Math.abs(row.metrics().get(k) - reference.get(k))).average()
                    .orElse(Double.NaN);
            out.add(withMetric(row, AVERAGE_GAP, gap));
        }
        return out;
    }

    private static ModelResult withMetric(ModelResult row, String key, double value) {
        Map<String, Double> metrics = new LinkedHashMap<>(row.metrics());
        metrics.put(key, value);
        return new ModelResult(row.id(), row.label(), row.plugin(), row.status(), row.detail(), row.seconds(), metrics,
                row.series(), row.certificate(), row.settings(), row.notes());
    }

    private OriginalModel originalModel(ModelAdapter adapter, InputSpec spec, DatasetSplits data) throws IOException {
        if (pipeline.modelFile() != null) {
            context.runLog().info("Original model: loading {}", pipeline.modelFile());
            return new OriginalModel(adapter.load(pipeline.modelFile(), spec), 0, "file " + pipeline.modelFile());
        }
        ModelCache.Obtained obtained = context.obtainModel(adapter, Subset.all("train", data.train()), "Original model");
        return new OriginalModel(obtained.model(), obtained.trainingSeconds(), obtained.source());
    }

    private void writeSplits(ForgetSplit split) throws IOException {
        Path splits = folder.resolve("splits");
        Files.createDirectories(splits);
        for (Subset subset : List.of(split.forget(), split.retain(), split.test())) {
            StringBuilder text = new StringBuilder("# ").append(subset.name()).append(" set: indices into ")
                    .append(subset.dataset().name()).append(", one per line\n");
            for (int index : subset.indices()) {
                text.append(index).append('\n');
            }
            Files.writeString(splits.resolve(subset.name() + "-indices.txt"), text, StandardCharsets.UTF_8);
        }
    }

    private Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("engine", context.torch().describe());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        env.put("seed", pipeline.seed());
        return env;
    }

    private static Map<String, Object> dataSummary(DatasetSplits data, ForgetSplit split) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", data.source());
        summary.put("train", data.train().size());
        summary.put("test", data.test().size());
        summary.put("imageShape", List.of(data.train().channels(), data.train().height(), data.train().width()));
        summary.put("classes", data.train().classNames());
        summary.put("scenario", split.scenario());
        summary.put("forgottenClasses", IntStream.of(split.forgottenClasses()).boxed().toList());
        summary.put("forget", split.forget().size());
        summary.put("retain", split.retain().size());
        summary.put("testUsed", split.test().size());
        summary.put("testForget", split.testForget().size());
        return summary;
    }

    /**
     * Describes a failure for the run's status and results table. Bad input and unusable state are reported
     * through their message alone; any other exception keeps its class name, which helps a bug report.
     */
    static String describe(Throwable e) {
        String message = e.getMessage();
        boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e instanceof IOException || e instanceof DatasetException;
        if (expected && message != null && !message.isBlank()) {
            return message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toPlain(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, toPlainValue(value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object toPlainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return toPlain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunExecution::toPlainValue).collect(Collectors.toList());
        }
        return value;
    }

    /** The original model with where it came from. */
    private record OriginalModel(NetworkModel model, double seconds, String source) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }
}
