package dev.barrier.report.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.ReporterFactory;

import org.osgi.service.component.annotations.Component;

/** Creates the {@code markdown} reporter, which writes {@code summary.md}; it has no settings. */
@Component(service = ReporterFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + SummaryReporter.MARKDOWN)
public final class MarkdownReporterFactory implements ReporterFactory {

    @Override
    public Reporter create(ConfigSection config, PluginResolver plugins) {
        return SummaryReporter.markdown();
    }

    @Override
    public String description() {
        return "summary.md: data, method x metric table, certificates, settings and plots of a run";
    }
}
