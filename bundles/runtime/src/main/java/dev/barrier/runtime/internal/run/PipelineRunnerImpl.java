package dev.barrier.runtime.internal.run;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.report.RunResults;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;
import dev.barrier.api.torch.TorchRuntime;
import dev.barrier.runtime.internal.config.YamlConfigReader;
import dev.barrier.runtime.internal.pipeline.PipelineDefinition;
import dev.barrier.runtime.internal.pipeline.PipelineParser;
import dev.barrier.runtime.internal.results.ResultsJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates pipeline files against the installed plug-ins and runs them into folders of the run store.
 *
 * <p>The tensor engine is an optional, dynamic reference: listing plug-ins and past runs works without it,
 * and a run started without it fails early with an {@link IllegalStateException} that says why.
 */
@Component(service = PipelineRunner.class, configurationPid = RuntimeConfiguration.PID)
@Designate(ocd = RuntimeConfiguration.class)
public final class PipelineRunnerImpl implements PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunnerImpl.class);

    private final PluginCatalog plugins;
    private final Path runStore;
    private final Path cacheFolder;
    /** How long stopping the runtime waits for cancelled runs to record their status. */
    private static final Duration DEACTIVATE_WAIT = Duration.ofSeconds(15);

    private final Map<String, RunContextImpl> active = new ConcurrentHashMap<>();
    private final YamlConfigReader reader = new YamlConfigReader();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TorchRuntime torch;

    /** Creates the runner with its folders. */
    @Activate
    public PipelineRunnerImpl(@Reference PluginCatalog plugins, RuntimeConfiguration configuration) {
        this.plugins = plugins;
        Path home = Path.of(System.getProperty("barrier.home", ".")).toAbsolutePath().normalize();
        this.runStore = configuration.runStore().isBlank() ? home.resolve("var/runs")
                : Path.of(configuration.runStore()).toAbsolutePath();
        this.cacheFolder = configuration.cacheFolder().isBlank() ? home.resolve("var/cache")
                : Path.of(configuration.cacheFolder()).toAbsolutePath();
        LOG.debug("Run store {}, cache {}", runStore, cacheFolder);
    }

    @Override
    public String validate(Path configFile) throws IOException {
        return parse(configFile).name();
    }

    private PipelineDefinition parse(Path configFile) throws IOException {
        Path source = configFile.toAbsolutePath().normalize();
        ConfigSection root = reader.read(source);
        return new PipelineParser(plugins).parse(root, source);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the tensor engine is not available
     */
    @Override
    public RunRecord run(Path configFile, PrintStream console) throws IOException {
        PipelineDefinition pipeline = parse(configFile);
        TorchRuntime engine = torch;
        if (engine == null) {
            throw new IllegalStateException("the tensor engine is not available: the torch gateway service is not"
                    + " registered. Check that the bundles dev.barrier.torch, its native fragment and"
                    + " dev.barrier.torch-gateway are installed and active.");
        }
        Instant started = Instant.now();
        RunFolder folder = RunFolder.create(runStore, pipeline.name(), started);
        folder.writeStatus(pipeline.name(), RunStatus.RUNNING, started, null, "", pipeline.source());
        Files.createDirectories(cacheFolder);
        Path artifacts = Files.createDirectories(folder.resolve("artifacts"));

        ConsoleProgress progress = new ConsoleProgress(console, ConsoleProgress.defaultStyle());
        RunStatus status;
        String message;
        try (RunLogImpl log = new RunLogImpl(folder.resolve(RunFolder.LOG_FILE), progress)) {
            RunContextImpl context = new RunContextImpl(folder, artifacts, cacheFolder, pipeline.useCache(),
                    pipeline.seed(), engine, log, progress);
            active.put(folder.id(), context);
            try {
                RunExecution execution = new RunExecution(pipeline, folder, context, started);
                execution.writeConfiguration();
                RunResults results = execution.execute();
                List<String> failures = execution.report(results);
                status = RunStatus.SUCCEEDED;
                message = failures.isEmpty() ? summary(results) : String.join("; ", failures);
                log.info("Run {} succeeded: results in {}", folder.id(), folder.path());
            } catch (CancellationException e) {
                status = RunStatus.CANCELLED;
                message = "cancelled";
                log.warn("Run {} was cancelled", folder.id());
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                status = RunStatus.FAILED;
                message = RunExecution.describe(e);
                log.error("Run " + folder.id() + " failed: " + message, e);
            } finally {
                active.remove(folder.id());
            }
        }
        folder.writeStatus(pipeline.name(), status, started, Instant.now(), message, pipeline.source());
        return folder.read(false);
    }

    private static String summary(RunResults results) {
        long completed = results.methods().stream()
                .filter(m -> m.status() == dev.barrier.api.report.MethodStatus.COMPLETED).count();
        return completed + " of " + results.methods().size() + " methods completed";
    }

    /**
     * Cancels the runs in progress when the runtime stops (the shell's {@code exit}, a framework shutdown) and
     * waits a bounded time for each to record itself as cancelled, so that no run folder is left saying
     * running.
     */
    @Deactivate
    void deactivate() {
        if (active.isEmpty()) {
            return;
        }
        LOG.info("Cancelling {} run(s) in progress: {}", active.size(), active.keySet());
        active.values().forEach(RunContextImpl::cancel);
        long deadline = System.nanoTime() + DEACTIVATE_WAIT.toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!active.isEmpty()) {
            LOG.warn("Runs still in progress after {} s: {}; they will show as interrupted",
                    DEACTIVATE_WAIT.toSeconds(), active.keySet());
        }
    }

    @Override
    public boolean cancel(String runId) {
        RunContextImpl context = active.get(runId);
        if (context == null) {
            return false;
        }
        context.cancel();
        return true;
    }

    @Override
    public List<RunRecord> runs() {
        if (!Files.isDirectory(runStore)) {
            return List.of();
        }
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> folders = Files.list(runStore)) {
            folders.filter(Files::isDirectory).forEach(folder -> records.add(
                    RunFolder.open(folder).read(active.containsKey(folder.getFileName().toString()))));
        } catch (IOException e) {
            LOG.warn("Cannot list the run store {}: {}", runStore, e.toString());
        }
        records.sort(Comparator.comparing(RunRecord::started).thenComparing(RunRecord::id).reversed());
        return records;
    }

    @Override
    public Optional<RunRecord> find(String idOrPrefix) {
        List<RunRecord> all = runs();
        if (idOrPrefix.equals("latest") || idOrPrefix.equals("last")) {
            return all.stream().findFirst();
        }
        Optional<RunRecord> exact = all.stream().filter(r -> r.id().equals(idOrPrefix)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<RunRecord> matches = all.stream().filter(r -> r.id().startsWith(idOrPrefix)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public RunResults results(RunRecord run) throws IOException {
        Path file = run.folder().resolve(RunFolder.METRICS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "run " + run.id() + " is " + run.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + " and has no results");
        }
        return ResultsJson.read(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Override
    public Path runStore() {
        return runStore;
    }
}
