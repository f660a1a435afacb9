package dev.barrier.report.internal;

import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.RunResults;
import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Writes the run summary into the run folder, as Markdown ({@code markdown}) or as HTML ({@code html}). */
final class SummaryReporter implements Reporter {

    /** The name of the Markdown reporter. */
    static final String MARKDOWN = "markdown";
    /** The name of the HTML reporter. */
    static final String HTML = "html";

    private final String name;
    private final String fileName;
    private final Function<Document, String> renderer;

    private SummaryReporter(String name, String fileName, Function<Document, String> renderer) {
        this.name = name;
        this.fileName = fileName;
        this.renderer = renderer;
    }

    /** Returns the reporter that writes {@code summary.md}. */
    static SummaryReporter markdown() {
        return new SummaryReporter(MARKDOWN, "summary.md", MarkdownRenderer::render);
    }

    /** Returns the reporter that writes {@code summary.html}. */
    static SummaryReporter html() {
        return new SummaryReporter(HTML, "summary.html", HtmlRenderer::render);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Writes the summary file, replacing an older one.
     *
     * @return the file written
     * @throws IOException if the run folder cannot be written
     */
    @Override
    public List<Path> write(RunResults results, RunContext context) throws IOException {
        Document document = SummaryBuilder.build(results,
                SummaryBuilder.plotLinks(results, context.runFolder(), context.artifactsFolder()));
        Path file = context.runFolder().resolve(fileName);
        ReportFiles.write(file, renderer.apply(document).getBytes(StandardCharsets.UTF_8));
        return List.of(file);
    }

    @Override
    public String toString() {
        return name + " (" + fileName + ")";
    }
}
