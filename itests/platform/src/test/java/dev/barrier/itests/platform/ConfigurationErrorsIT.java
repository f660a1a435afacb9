package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;
import dev.barrier.api.torch.TorchRuntime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * An invalid pipeline file is rejected before anything starts, with the file, line and key of each problem;
 * a run that fails after it started leaves a folder whose status records the failure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationErrorsIT {

    /** A valid pipeline; each test changes one line of it. */
    private static final String VALID = """
            name: itest-errors
            seed: 7
            dataset:
              provider: idx
              preset: fashion-mnist
              limitTrain: 200
              limitTest: 100
            forget:
              scenario: class
              classes: [0]
            model:
              adapter: small-cnn
              training:
                epochs: 1
                batchSize: 64
            methods:
              - method: ft
            """;

    private static final Pattern FAILED_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"failed\"");

    @Inject
    private BundleContext context;

    private PluginCatalog catalog;
    private PipelineRunner runner;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Before
    public void awaitRuntime() throws InterruptedException {
        catalog = Platform.service(context, PluginCatalog.class);
        runner = Platform.service(context, PipelineRunner.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    @Test
    public void unknownPluginListsAvailable() throws Exception {
        String yaml = VALID.replace("adapter: small-cnn", "adapter: no-such-model");
        List<String> available = catalog.names(PluginKind.MODEL);

        ConfigProblem problem = rejectedAt(yaml, "model.adapter");

        assertEquals(Pipelines.lineOf(yaml, "adapter: no-such-model"), problem.location().line());
        assertTrue(problem.message(), problem.message().contains("unknown model plug-in 'no-such-model'"));
        assertFalse("no model plug-in is installed, so the message cannot list any: " + problem.message(),
                available.isEmpty());
        for (String name : available) {
            assertTrue(problem.message(), problem.message().contains(name));
        }
    }

    @Test
    public void wrongTypeNamesLine() throws Exception {
        String yaml = VALID.replace("seed: 7", "seed: soon");

        ConfigProblem problem = rejectedAt(yaml, "seed");

        assertEquals(Pipelines.lineOf(yaml, "seed: soon"), problem.location().line());
        assertTrue(problem.message(), problem.message().contains("expected an integer"));
        assertTrue(problem.message(), problem.message().contains("'soon'"));
    }

    @Test
    public void misspeltKeyNamesKnownKeys() throws Exception {
        Plugins.require(catalog, PluginKind.DATASET, "idx");
        String yaml = VALID.replace("limitTrain: 200", "limtTrain: 200");

        ConfigProblem problem = rejectedAt(yaml, "dataset.limtTrain");

        assertEquals(Pipelines.lineOf(yaml, "limtTrain: 200"), problem.location().line());
        assertTrue(problem.message(), problem.message().contains("unknown key 'limtTrain'"));
        assertTrue(problem.message(), problem.message().contains("limitTrain"));
    }

    @Test
    public void failureAfterStartIsRecorded() throws Exception {
        Plugins.require(catalog, PluginKind.DATASET, "idx");
        Plugins.require(catalog, PluginKind.MODEL, "small-cnn");
        Plugins.require(catalog, PluginKind.METHOD, "ft");
        Platform.service(context, TorchRuntime.class);
        Path missingFolder = Platform.home(context).resolve("no-such-dataset");
        String yaml = VALID.replace("  preset: fashion-mnist", "  preset: fashion-mnist\n  path: " + missingFolder);
        Path file = Pipelines.write(Platform.home(context), "missing-data.yaml", yaml);
        List<String> before = Pipelines.runFolders(runner.runStore());

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunRecord run = runner.run(file, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertEquals(console.toString(StandardCharsets.UTF_8), RunStatus.FAILED, run.status());
        assertTrue(run.message(), run.message().contains(missingFolder.toString()));
        List<String> after = Pipelines.runFolders(runner.runStore());
        assertEquals("run folders: " + after, before.size() + 1, after.size());
        assertTrue(after.contains(run.id()));
        String status = Files.readString(run.folder().resolve("status.json"), StandardCharsets.UTF_8);
        assertTrue(status, FAILED_STATUS.matcher(status).find());
        assertFalse(status, status.contains("succeeded"));
        assertFalse(Files.exists(run.folder().resolve("metrics.json")));
        assertTrue(Files.isRegularFile(run.folder().resolve("run.log")));
        assertEquals(RunStatus.FAILED, runner.find(run.id()).orElseThrow().status());
    }

    /**
     * Runs {@code yaml} expecting a {@link ConfigurationException} and no new run folder; returns the
     * problem reported for {@code path}, located in the file.
     */
    private ConfigProblem rejectedAt(String yaml, String path) throws Exception {
        Path file = Pipelines.write(Platform.home(context), path.replace('.', '-') + ".yaml", yaml);
        List<String> before = Pipelines.runFolders(runner.runStore());

        ConfigurationException rejected = null;
        try {
            PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            RunRecord run = runner.run(file, console);
            fail("the invalid pipeline started run " + run.id() + " (" + run.status() + ")");
        } catch (ConfigurationException e) {
            rejected = e;
        }

        assertEquals("a rejected pipeline created run folders", before, Pipelines.runFolders(runner.runStore()));
        ConfigurationException exception = rejected;
        ConfigProblem problem = exception.problems().stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + ": " + exception.getMessage()));
        assertEquals(file.toString(), problem.location().source());
        assertNotEquals(0, problem.location().line());
        assertTrue(exception.getMessage(), exception.getMessage().contains(file + ":" + problem.location().line()));
        return problem;
    }
}
