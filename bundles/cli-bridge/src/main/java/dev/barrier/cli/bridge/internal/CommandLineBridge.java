package dev.barrier.cli.bridge.internal;

import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;
import dev.barrier.cli.spi.CommandLineService;
import dev.barrier.cli.spi.ExitCodes;
import dev.barrier.shell.text.PlatformText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Carries out the launcher's commands with the runtime's services and maps outcomes to exit codes. */
@Component(service = CommandLineService.class)
public final class CommandLineBridge implements CommandLineService {

    private final PipelineRunner runner;
    private final PluginCatalog plugins;

    /** Creates the bridge over the runtime's services. */
    @Activate
    public CommandLineBridge(@Reference PipelineRunner runner, @Reference PluginCatalog plugins) {
        this.runner = runner;
        this.plugins = plugins;
    }

    @Override
    public int run(Path config, PrintStream out, PrintStream err) {
        RunRecord record;
        try {
            record = runner.run(config, out);
        } catch (ConfigurationException e) {
            err.print(PlatformText.problems(e));
            return ExitCodes.INVALID_CONFIGURATION;
        } catch (IOException e) {
            err.println("barrier: cannot read " + config + ": " + e.getMessage());
            return ExitCodes.INVALID_CONFIGURATION;
        } catch (IllegalStateException e) {
            err.println("barrier: " + e.getMessage());
            return ExitCodes.PLATFORM;
        }
        if (record.status() != RunStatus.SUCCEEDED) {
            err.println("barrier: run " + record.id() + " " + PlatformText.statusPhrase(record.status())
                    + PlatformText.statusDetail(record));
            err.println("barrier: see " + record.folder().resolve("run.log"));
            return record.status() == RunStatus.CANCELLED ? ExitCodes.INTERRUPTED : ExitCodes.FAILED;
        }
        try {
            out.println();
            out.print(PlatformText.results(runner.results(record)));
        } catch (IOException e) {
            err.println("barrier: the results of run " + record.id() + " are unreadable: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        out.println("Run folder: " + record.folder());
        return ExitCodes.OK;
    }

    @Override
    public int validate(Path config, PrintStream out, PrintStream err) {
        try {
            out.println("Pipeline '" + runner.validate(config) + "' in " + config + " is valid.");
            return ExitCodes.OK;
        } catch (ConfigurationException e) {
            err.print(PlatformText.problems(e));
            return ExitCodes.INVALID_CONFIGURATION;
        } catch (IOException e) {
            err.println("barrier: cannot read " + config + ": " + e.getMessage());
            return ExitCodes.INVALID_CONFIGURATION;
        }
    }

    @Override
    public int list(String kind, PrintStream out, PrintStream err) {
        List<PluginDescriptor> all = plugins.plugins();
        if (kind == null) {
            out.print(PlatformText.plugins(all));
            return ExitCodes.OK;
        }
        PluginKind<?> selected;
        try {
            selected = PluginKind.byId(kind);
        } catch (IllegalArgumentException e) {
            err.println("barrier: unknown plug-in kind '" + kind + "'; kinds: " + PlatformText.kinds());
            return ExitCodes.USAGE;
        }
        out.print(PlatformText.plugins(all.stream().filter(p -> p.kind().equals(selected)).toList()));
        return ExitCodes.OK;
    }

    @Override
    public int runs(PrintStream out, PrintStream err) {
        out.print(PlatformText.runs(runner.runs()));
        return ExitCodes.OK;
    }

    @Override
    public int show(String run, PrintStream out, PrintStream err) {
        Optional<RunRecord> record = runner.find(run);
        if (record.isEmpty()) {
            err.println("barrier: " + PlatformText.unresolvedRun(run, runner.runs()));
            return ExitCodes.FAILED;
        }
        if (record.get().status() != RunStatus.SUCCEEDED) {
            err.println("barrier: run " + record.get().id() + " " + PlatformText.statusPhrase(record.get().status())
                    + PlatformText.statusDetail(record.get()));
            return ExitCodes.FAILED;
        }
        try {
            out.print(PlatformText.results(runner.results(record.get())));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("barrier: cannot read the results of run " + record.get().id() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    @Override
    public void cancelAll() {
        for (RunRecord run : runner.runs()) {
            if (run.status() == RunStatus.RUNNING) {
                runner.cancel(run.id());
            }
        }
    }
}
