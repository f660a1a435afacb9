package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;
import dev.barrier.api.torch.TorchRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A small real pipeline through the Gogo shell: class-wise forgetting of class 0 on an 800-image slice of
 * Fashion-MNIST with a small CNN trained for 2 epochs, unlearned by retraining and by BARRIER.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PipelineRunIT {

    /** Fashion-MNIST has 10 classes; forgetting class 0 leaves 9 in the test set that TA is measured on. */
    private static final double CHANCE_ACCURACY = 100.0 / 9;

    /**
     * How far above chance the original model's test accuracy must be: a model that learned anything clears
     * 15 points, while an untrained model or one collapsed onto a single class does not.
     */
    private static final double ACCURACY_MARGIN = 15;

    private static final String PIPELINE = """
            name: itest-class-0
            seed: 7
            dataset:
              provider: idx
              preset: fashion-mnist
              limitTrain: 800
              limitTest: 400
            forget:
              scenario: class
              classes: [0]
            model:
              adapter: small-cnn
              training:
                epochs: 2
                batchSize: 64
            methods:
              - method: retrain
              - method: barrier
                base: ga
            evaluators:
              - evaluator: accuracy
              - evaluator: mia
            reporters:
              - reporter: markdown
            """;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void classForgettingRunsThroughShell() throws Exception {
        assumeTrue("Fashion-MNIST is not installed in " + Pipelines.FASHION_MNIST
                + " (apt-get install dataset-fashion-mnist)", Files.isDirectory(Pipelines.FASHION_MNIST));
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        Platform.service(context, TorchRuntime.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
        Plugins.require(catalog, PluginKind.DATASET, "idx");
        Plugins.require(catalog, PluginKind.MODEL, "small-cnn");
        Plugins.require(catalog, PluginKind.METHOD, "retrain", "barrier");
        Plugins.require(catalog, PluginKind.EVALUATOR, "accuracy", "mia");
        Plugins.require(catalog, PluginKind.REPORTER, "markdown");
        Path file = Pipelines.write(Platform.home(context), "class-0.yaml", PIPELINE);

        String answer;
        String printed;
        try (GogoSession session = new GogoSession(Platform.service(context, CommandProcessor.class))) {
            answer = session.execute("barrier:run '" + file + "'");
            printed = session.printed();
        }

        PipelineRunner runner = Platform.service(context, PipelineRunner.class);
        List<RunRecord> runs = runner.runs();
        assertEquals("runs after one barrier:run: " + runs + "\n" + answer + "\n" + printed, 1, runs.size());
        RunRecord run = runs.get(0);
        assertEquals(answer + "\n" + printed, RunStatus.SUCCEEDED, run.status());
        assertTrue(answer, answer.contains("Run " + run.id() + " succeeded"));
        assertTrue(Files.isRegularFile(run.folder().resolve("metrics.json")));
        assertTrue(Files.isRegularFile(run.folder().resolve("summary.md")));

        RunResults results = runner.results(run);
        ModelResult original = results.original();
        ModelResult barrier = row(results, "barrier");
        assertEquals(barrier.detail(), MethodStatus.COMPLETED, barrier.status());
        assertEquals(row(results, "retrain").detail(), MethodStatus.COMPLETED, row(results, "retrain").status());
        double originalTestAccuracy = Pipelines.metric(original, "TA");
        assertTrue("original model's TA " + originalTestAccuracy + "% is not above chance ("
                + CHANCE_ACCURACY + "%) by " + ACCURACY_MARGIN + " points",
                originalTestAccuracy > CHANCE_ACCURACY + ACCURACY_MARGIN);
        double originalUnlearning = Pipelines.metric(original, "UA");
        double barrierUnlearning = Pipelines.metric(barrier, "UA");
        assertTrue("BARRIER's UA " + barrierUnlearning + "% is not above the original model's " + originalUnlearning
                + "%", barrierUnlearning > originalUnlearning);
    }

    private static ModelResult row(RunResults results, String id) {
        return results.methods().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no results row '" + id + "'; rows: "
                        + results.methods().stream().map(ModelResult::id).toList()));
    }
}
