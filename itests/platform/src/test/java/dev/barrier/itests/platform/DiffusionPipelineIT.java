package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;
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

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A small real diffusion pipeline. A narrow latent diffusion model is trained for 200 steps on a 1,000-image
 * slice of Fashion-MNIST, and BARRIER erases class 0 with the random-label base loss. A small CNN trained for
 * one epoch on the same slice judges the samples.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DiffusionPipelineIT {

    private static final String PIPELINE = """
            name: itest-diffusion-class-0
            seed: 5
            dataset:
              provider: idx
              preset: fashion-mnist
              limitTrain: 1000
              limitTest: 300
            forget:
              scenario: class
              classes: [0]
            model:
              adapter: latent-diffusion
              hidden: 64
              blocks: 2
              codec: {components: 16}
              training: {maxSteps: 200, batchSize: 64}
            methods:
              - method: barrier
                base: rl
                epochs: 1
            evaluators:
              - evaluator: diffusion-quality
                samplesPerClass: 10
                steps: 10
                classifier: {adapter: small-cnn, training: {epochs: 1}}
              - evaluator: certificate
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
    public void classErasureReportsSamplesAndCertificates() throws Exception {
        assumeTrue("Fashion-MNIST is not installed in " + Pipelines.FASHION_MNIST
                + " (apt-get install dataset-fashion-mnist)", Files.isDirectory(Pipelines.FASHION_MNIST));
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        Platform.service(context, TorchRuntime.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
        Plugins.require(catalog, PluginKind.MODEL, "latent-diffusion", "small-cnn");
        Plugins.require(catalog, PluginKind.METHOD, "barrier");
        Plugins.require(catalog, PluginKind.EVALUATOR, "diffusion-quality", "certificate");
        Path file = Pipelines.write(Platform.home(context), "diffusion.yaml", PIPELINE);

        PipelineRunner runner = Platform.service(context, PipelineRunner.class);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunRecord run;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            run = runner.run(file, out);
        }
        String printed = console.toString(StandardCharsets.UTF_8);

        assertEquals(printed, RunStatus.SUCCEEDED, run.status());
        Path artifacts = run.folder().resolve("artifacts");
        assertTrue(printed, Files.isRegularFile(artifacts.resolve("samples-original.png")));
        assertTrue(printed, Files.isRegularFile(artifacts.resolve("samples-barrier.png")));
        assertTrue(Files.isRegularFile(run.folder().resolve("summary.md")));

        RunResults results = runner.results(run);
        ModelResult original = results.original();
        ModelResult barrier = results.methods().get(0);
        assertEquals(barrier.detail(), MethodStatus.COMPLETED, barrier.status());
        for (ModelResult row : new ModelResult[] {original, barrier}) {
            assertPercentage(row, "UA");
            assertPercentage(row, "retainRecognition");
            double frechet = Pipelines.metric(row, "frechet");
            assertTrue(row.id() + " Fréchet distance " + frechet, Double.isFinite(frechet));
            assertTrue(row.id() + " Fréchet distance " + frechet, frechet >= 0);
        }

        assertFalse("BARRIER reports no certificate", barrier.certificate().isEmpty());
        for (LayerCertificate layer : barrier.certificate()) {
            assertTrue(layer.layer() + " bound " + layer.bound(), Double.isFinite(layer.bound()));
            assertTrue(layer.layer() + " bound " + layer.bound(), layer.bound() >= 0);
            assertTrue(layer.layer() + " measured drift " + layer.driftMean(), layer.driftMean() >= 0);
        }
    }

    private static void assertPercentage(ModelResult row, String key) {
        double value = Pipelines.metric(row, key);
        assertTrue(row.id() + " " + key + " " + value, value >= 0);
        assertTrue(row.id() + " " + key + " " + value, value <= 100);
    }
}
