package dev.barrier.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.RunResults;
import dev.barrier.testing.TestRunContext;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The {@code plots} reporter on {@link SampleResults}: which charts it draws, and that each is a readable PNG. */
class PlotsReporterTest {

    @TempDir
    Path folder;

    private static PlotsConfiguration defaults() {
        return new PlotsConfiguration() {
            @Override
            public int width() {
                return 900;
            }

            @Override
            public int height() {
                return 540;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PlotsConfiguration.class;
            }
        };
    }

    private static Reporter create(Map<String, ?> values) {
        return new PlotsReporterFactory(defaults()).create(ConfigSection.of(values, "test"), null);
    }

    private static Set<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    @Test
    void drawsEveryChartAsPngOfConfiguredSize() throws IOException {
        TestRunContext run = new TestRunContext(folder, 42);
        List<Path> files = create(Map.of("width", 640, "height", 400)).write(SampleResults.results("plots"), run);

        assertEquals(Set.of("per-class-accuracy-retrain.png", "per-class-accuracy-barrier.png",
                "certificate-barrier.png", "certificate-ga.png", "metrics.png"), names(files));
        for (Path file : files) {
            assertEquals(run.artifactsFolder(), file.getParent());
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " must decode as an image");
            assertEquals(640, image.getWidth(), file.toString());
            assertEquals(400, image.getHeight(), file.toString());
        }
        List<String> log = run.log().lines();
        assertTrue(log.stream().noneMatch(line -> line.startsWith("WARN")), "every chart is drawn: " + log);
        assertTrue(log.stream().anyMatch(line -> line.contains("per-class-accuracy-ga.png")
                && line.contains("status diverged")), log.toString());
    }

    @Test
    void wideLegendMovesBesideThePlot() {
        List<String> names = List.of("Original", "Retrain", "FT", "GA", "RL", "BARRIER (GA)", "BARRIER (RL)",
                "GA on target layers, unprotected", "RL on target layers, unprotected");
        CategoryChart wide = new CategoryChartBuilder().width(900).height(500).build();
        for (String name : names) {
            wide.addSeries(name, List.of("UA"), List.of(50.0));
        }
        CategoryChart narrow = new CategoryChartBuilder().width(900).height(500).build();
        narrow.addSeries("Original", List.of("UA"), List.of(50.0));
        narrow.addSeries("BARRIER (RL)", List.of("UA"), List.of(60.0));
        narrow.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        wide.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);

        PlotsReporter.fitLegend(wide, 900);
        PlotsReporter.fitLegend(narrow, 900);

        assertEquals(Styler.LegendPosition.OutsideE, wide.getStyler().getLegendPosition());
        assertEquals(Styler.LegendPosition.OutsideS, narrow.getStyler().getLegendPosition());
    }

    @Test
    void missingSeriesProduceNoChartAndNoException() throws IOException {
        TestRunContext run = new TestRunContext(folder, 42);
        List<Path> files = create(Map.of()).write(SampleResults.withoutOptionalData(), run);

        assertEquals(Set.of("certificate-barrier.png"), names(files));
        try (var written = Files.list(run.artifactsFolder())) {
            assertEquals(Set.of("certificate-barrier.png"),
                    written.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        String log = String.join("\n", run.log().lines());
        assertTrue(log.contains("the original model has no 'perClassAccuracy' series"), log);
        assertTrue(log.contains("metrics.png: no model has a percentage metric"), log);
    }

    @Test
    void certificateWithUnmeasuredDriftIsDrawn() throws IOException {
        RunResults sample = SampleResults.results();
        ModelResult barrier = sample.methods().get(1);
        ModelResult unmeasured = new ModelResult(barrier.id(), barrier.label(), barrier.plugin(), barrier.status(), "",
                barrier.seconds(), Map.of(), Map.of(), List.of(new dev.barrier.api.region.LayerCertificate("fc2", 10,
                        0.02, 0.001, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        List.of())), Map.of(), List.of());
        RunResults results = new RunResults("run", "x", Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(), Map.of(),
                List.of(), sample.original(), List.of(unmeasured), List.of());
        TestRunContext run = new TestRunContext(folder, 42);

        List<Path> files = create(Map.of()).write(results, run);

        assertEquals(Set.of("certificate-barrier.png"), names(files));
        assertEquals(900, ImageIO.read(files.get(0).toFile()).getWidth());
        List<String> log = run.log().lines();
        assertTrue(log.stream().noneMatch(line -> line.startsWith("WARN")), log.toString());
    }

    @Test
    void runWithoutMethodsWritesNothing() throws IOException {
        ModelResult original = new ModelResult("original", "Original", "", MethodStatus.COMPLETED, "", 0, Map.of(),
                Map.of(), List.of(), Map.of(), List.of());
        RunResults results = new RunResults("run", "empty", Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(),
                Map.of(), List.of(), original, List.of(), List.of());

        assertEquals(List.of(), create(Map.of()).write(results, new TestRunContext(folder, 42)));
    }

    @Test
    void classIndicesReplaceMissingNames() {
        RunResults results = SampleResults.withoutOptionalData();

        assertEquals(List.of("0", "1", "2"), PlotPlan.classNames(results, 3));
        assertEquals(SampleResults.CLASSES, PlotPlan.classNames(SampleResults.results(), 10));
        assertEquals(List.of("0", "1"), PlotPlan.classNames(SampleResults.results(), 2), "names of another length");
    }

    @Test
    void perClassSeriesOfOtherLengthIsSkipped() {
        RunResults sample = SampleResults.results();
        ModelResult retrain = sample.methods().get(0);
        ModelResult shorter = new ModelResult(retrain.id(), retrain.label(), retrain.plugin(), retrain.status(), "",
                retrain.seconds(), retrain.metrics(), Map.of("perClassAccuracy", new double[] {1, 2}), List.of(),
                Map.of(), List.of());
        RunResults results = new RunResults("run", "x", Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(), Map.of(),
                sample.metrics(), sample.original(), List.of(shorter), List.of());

        PlotPlan plan = PlotPlan.of(results);

        assertEquals(List.of("metrics.png"), plan.charts().stream().map(PlotPlan.Chart::fileName).toList());
        assertTrue(plan.skipped().get(0).contains("has 2 per-class values, the original model 10"),
                plan.skipped().toString());
    }

    @Test
    void methodIdsBecomeSafeFileNames() {
        assertEquals("barrier_lambda_10_.png", PlotPlan.fileSafe("barrier lambda/10?") + ".png");
        assertEquals("a.b-c_d", PlotPlan.fileSafe("a.b-c_d"));
    }

    @Test
    void defaultsAreRecordedAndSizesChecked() {
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        Reporter reporter = new PlotsReporterFactory(defaults()).create(section, null);

        assertEquals("plots", reporter.name());
        assertEquals(Map.of("width", 900, "height", 540), section.resolved());
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> create(Map.of("width", 10)));
        assertTrue(error.getMessage().contains("width"), error.getMessage());
        assertTrue(error.getMessage().contains("got 10"), error.getMessage());
    }

    @Test
    void awtRunsHeadless() {
        create(Map.of());

        assertEquals("true", System.getProperty("java.awt.headless"));
    }
}
