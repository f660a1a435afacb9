package dev.barrier.report.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.ReporterFactory;

import org.osgi.service.component.annotations.Component;

/** Creates the {@code html} reporter, which writes a self-contained {@code summary.html}; it has no settings. */
@Component(service = ReporterFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + SummaryReporter.HTML)
public final class HtmlReporterFactory implements ReporterFactory {

    @Override
    public Reporter create(ConfigSection config, PluginResolver plugins) {
        return SummaryReporter.html();
    }

    @Override
    public String description() {
        return "summary.html: the Markdown summary's content as one page with inline styles";
    }
}
