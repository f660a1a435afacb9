package dev.barrier.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.RunResults;
import dev.barrier.testing.TestRunContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown and HTML summaries of {@link SampleResults}, written into a temporary run folder. */
class SummaryReporterTest {

    @TempDir
    Path folder;

    private String markdown(RunResults results) throws IOException {
        Reporter reporter = new MarkdownReporterFactory().create(ConfigSection.of(Map.of(), "test"), null);
        List<Path> files = reporter.write(results, new TestRunContext(folder, 42));
        assertEquals(List.of(folder.resolve("summary.md")), files);
        return Files.readString(files.get(0), StandardCharsets.UTF_8);
    }

    private String html(RunResults results) throws IOException {
        Reporter reporter = new HtmlReporterFactory().create(ConfigSection.of(Map.of(), "test"), null);
        List<Path> files = reporter.write(results, new TestRunContext(folder, 42));
        assertEquals(List.of(folder.resolve("summary.html")), files);
        return Files.readString(files.get(0), StandardCharsets.UTF_8);
    }

    @Test
    void markdownHasTitleTimesAndData() throws IOException {
        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.startsWith("# fashion-mnist class-wise: run 20260301-140509-demo\n"), text);
        assertTrue(text.contains("Started 2026-03-01 14:05:09 UTC, finished 2026-03-01 14:10:31 UTC (5 min 22 s)."),
                text);
        assertTrue(text.contains("- Engine: PyTorch 2.7.1 (DJL 0.36.0) on cpu(), 2 threads\n"), text);
        assertTrue(text.contains("- Image shape: 1x28x28\n"), text);
        assertTrue(text.contains("- Classes (10): T-shirt/top, Trouser, Pullover,"), text);
        assertTrue(text.contains("- Forgotten classes: 0 (T-shirt/top)\n"), text);
        assertTrue(text.contains("- Test set for TA and MIA: 9000 images\n"), text);
    }

    @Test
    void markdownTableHasTwoDecimals() throws IOException {
        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.contains("| Method | Plug-in | Status | UA (%) | RA (%) | TA (%) | MIA-efficacy (%) | Avg. Gap"
                + " | Wall time |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"), text);
        assertTrue(text.contains("| Original |  | completed | 6.72 | 95.10 | 91.60 | 12.00 | n/a | 1 min 01 s |"),
                text);
        assertTrue(text.contains("| Retrain | retrain | completed | 100.00 | 95.46 | 92.35 | 100.00 | 0.00 | 3 min 05 s |"),
                text);
        assertTrue(text.contains("| BARRIER \\<λ=10\\> | barrier | completed | 85.50 | 92.75 | 90.12 | 98.80 | 4.50"
                + " | 42.5 s |"), text);
    }

    @Test
    void markdownStatesDivergenceAndFailure() throws IOException {
        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.contains("| Gradient ascent | barrier | diverged at step 12: loss is NaN (epoch 2) | n/a | n/a"
                + " | n/a | n/a | n/a | 3.3 s |"), text);
        // The pipe inside the message is escaped so that it does not split the table cell.
        assertTrue(text.contains("| Fine-tuning | ft | failed: IllegalStateException: out of memory \\| retry with a"
                + " smaller batch |"), text);
    }

    @Test
    void markdownHasCertificateTableAndMeaning() throws IOException {
        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.contains("## Certificates\n\n### BARRIER \\<λ=10\\>\n\n| Layer | Bound | Mean shift | Drift mean"
                + " | Drift max | Drift max (protected) | Retain in forget box (%) | Retain protected (%) | Retain"
                + " outside (%) | Retain rows |\n"), text);
        assertTrue(text.contains("| fc1 | 0.01235 | 0.003100 | 0.0008000 | 0.002100 | n/a | 25.00 | 70.00 | 5.00 | 54000 |"),
                text);
        assertTrue(text.contains("| fc2 | 1.500 |"), text);
        assertTrue(text.contains("Bound: the worst-case change of any output unit of the layer over the protected region"),
                text);
        assertTrue(text.contains("for inputs whose residual component is zero"), text);
        assertTrue(text.contains("- fc1: residual directions are not covered\n"), text);
        assertTrue(text.contains("### Gradient ascent\n\n| Layer |"), "a diverged method keeps its certificate");
    }

    @Test
    void markdownStatesNestedSettingsInFull() throws IOException {
        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.contains("### BARRIER \\<λ=10\\> (barrier)\n\n- method: barrier\n- lambda: 10\n"
                + "- learningRate: 0.001\n- projection:\n  - strategy: svd\n  - reducedDim: 32\n"
                + "- targets: [fc1, fc2]\n- epochLosses: [0.25, 0.125]\n"), text);
        assertTrue(text.contains("### Fine-tuning (ft)\n\nNo settings recorded.\n"), text);
        assertTrue(text.contains("## Notes\n\n### BARRIER \\<λ=10\\>\n\n- MIA: note about the shadow set\n"), text);
    }

    @Test
    void markdownLinksPlannedPlots() throws IOException {
        String text = markdown(SampleResults.results("markdown", "plots"));

        assertTrue(text.contains("## Plots"), text);
        assertTrue(text.contains("](artifacts/per-class-accuracy-barrier.png)"), text);
        assertTrue(text.contains("](artifacts/certificate-barrier.png)"), text);
        assertTrue(text.contains("](artifacts/metrics.png)"), text);
        assertFalse(text.contains("per-class-accuracy-ft.png"), "a failed method has no per-class chart");
    }

    @Test
    void markdownLinksExistingPlotsOnly() throws IOException {
        Files.createDirectories(folder.resolve("artifacts"));
        Files.write(folder.resolve("artifacts").resolve("metrics.png"), new byte[] {1});

        String text = markdown(SampleResults.results("markdown"));

        assertTrue(text.contains("](artifacts/metrics.png)"), text);
        assertFalse(text.contains("certificate-barrier.png"), text);
    }

    @Test
    void markdownToleratesMissingOptionalData() throws IOException {
        String text = markdown(SampleResults.withoutOptionalData());

        assertTrue(text.startsWith("# Unlearning run: run run\n"), text);
        assertTrue(text.contains("| Method | Plug-in | Status | Wall time |"), text);
        assertFalse(text.contains("## Plots"), text);
    }

    @Test
    void htmlEscapesLabelsAndIsSelfContained() throws IOException {
        String text = html(SampleResults.results("html", "plots"));

        assertTrue(text.startsWith("<!DOCTYPE html>"), text);
        assertTrue(text.contains("BARRIER &lt;λ=10&gt;"), text);
        assertFalse(text.contains("BARRIER <λ"), "a label must not become markup");
        assertTrue(text.contains("<style>"), text);
        assertFalse(text.contains("<link"), "no external style sheet");
        assertFalse(text.contains("<script"), "no scripts");
        assertTrue(text.contains("<img src=\"artifacts/metrics.png\""), text);
        assertTrue(text.endsWith("</html>\n"), text);
    }

    @Test
    void htmlHasSameTableAsMarkdown() throws IOException {
        String text = html(SampleResults.results("html"));

        assertTrue(text.contains("<th>Method</th><th>Plug-in</th><th>Status</th><th class=\"num\">UA (%)</th>"), text);
        assertTrue(text.contains("<td>Gradient ascent</td><td>barrier</td><td>diverged at step 12: loss is NaN (epoch 2)"
                + "</td>"), text);
        assertTrue(text.contains("<td class=\"num\">95.46</td>"), text);
        assertTrue(text.contains("<li>projection:\n<ul>\n<li>strategy: svd</li>"), text);
        assertTrue(text.contains("for inputs whose residual component is zero"), text);
    }

    @Test
    void rewritingReplacesOldSummary() throws IOException {
        Files.writeString(folder.resolve("summary.md"), "old content that is longer than nothing");

        String text = markdown(SampleResults.results("markdown"));

        assertFalse(text.contains("old content"), text);
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
