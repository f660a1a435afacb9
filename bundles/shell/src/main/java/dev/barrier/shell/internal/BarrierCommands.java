package dev.barrier.shell.internal;

import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;
import dev.barrier.shell.text.PlatformText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code barrier:} commands of the Felix Gogo shell. Each returns text for the shell to print; errors in
 * what the user typed come back as messages, never as stack traces.
 */
@Component(service = BarrierCommands.class, property = {
        "osgi.command.scope=barrier",
        "osgi.command.function=run",
        "osgi.command.function=validate",
        "osgi.command.function=list",
        "osgi.command.function=runs",
        "osgi.command.function=show",
        "osgi.command.function=cancel"
})
public final class BarrierCommands {

    private final PipelineRunner runner;
    private final PluginCatalog plugins;

    /** Creates the commands over the runtime's services. */
    @Activate
    public BarrierCommands(@Reference PipelineRunner runner, @Reference PluginCatalog plugins) {
        this.runner = runner;
        this.plugins = plugins;
    }

    /** Runs a pipeline file. */
    @Descriptor("Runs a pipeline file and prints its results table; with -b it runs in the background")
    public String run(
            @Descriptor("run in the background and return at once; follow it with barrier:runs")
            @Parameter(names = {"-b", "--background"}, presentValue = "true", absentValue = "false") boolean background,
            @Descriptor("the pipeline file (YAML)") String config) {
        Path file = Path.of(config);
        if (Files.isDirectory(file)) {
            return folderGiven(config);
        }
        try {
            String name = runner.validate(file);
            if (background) {
                Thread thread = new Thread(() -> runQuietly(file), "barrier-run-" + name);
                thread.setDaemon(true);
                thread.start();
                return "Started pipeline '" + name + "' in the background; barrier:runs shows its id and status";
            }
            RunRecord record = runner.run(file, System.out);
            return describeFinished(record);
        } catch (ConfigurationException e) {
            return PlatformText.problems(e);
        } catch (IOException e) {
            return "Cannot read " + config + ": " + e.getMessage();
        } catch (IllegalStateException e) {
            return "Cannot run " + config + ": " + e.getMessage();
        }
    }

    private void runQuietly(Path file) {
        try {
            runner.run(file, new PrintStream(OutputStream.nullOutputStream()));
        } catch (IOException | RuntimeException e) {
            // The run folder records failures after the start; earlier ones were checked by validate.
        }
    }

    private String describeFinished(RunRecord record) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(record.id()).append(' ').append(PlatformText.statusPhrase(record.status()))
                .append(PlatformText.statusDetail(record)).append('\n');
        if (record.status() == RunStatus.SUCCEEDED) {
            try {
                out.append('\n').append(PlatformText.results(runner.results(record)));
            } catch (IOException e) {
                out.append("Results unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        out.append("Run folder: ").append(record.folder()).append('\n');
        return out.toString();
    }

    /** Checks a pipeline file. */
    @Descriptor("Checks a pipeline file against the installed plug-ins without running it")
    public String validate(@Descriptor("the pipeline file (YAML)") String config) {
        if (Files.isDirectory(Path.of(config))) {
            return folderGiven(config);
        }
        try {
            return "Pipeline '" + runner.validate(Path.of(config)) + "' in " + config + " is valid";
        } catch (ConfigurationException e) {
            return PlatformText.problems(e);
        } catch (IOException e) {
            return "Cannot read " + config + ": " + e.getMessage();
        }
    }

    /** Lists plug-ins. */
    @Descriptor("Lists the installed plug-ins by kind and name, with the bundle that provides each")
    public String list() {
        return PlatformText.plugins(plugins.plugins());
    }

    /** Lists plug-ins of one kind. */
    @Descriptor("Lists the installed plug-ins of one kind")
    public String list(@Descriptor("a plug-in kind, such as projection or method") String kind) {
        PluginKind<?> selected;
        try {
            selected = PluginKind.byId(kind);
        } catch (IllegalArgumentException e) {
            return "Unknown plug-in kind '" + kind + "'; kinds: " + PlatformText.kinds();
        }
        List<PluginDescriptor> matching = plugins.plugins().stream().filter(p -> p.kind().equals(selected)).toList();
        return matching.isEmpty() ? "No " + kind + " plug-ins are installed.\n" : PlatformText.plugins(matching);
    }

    /** Lists runs. */
    @Descriptor("Lists past and current runs, newest first, with their status")
    public String runs() {
        return PlatformText.runs(runner.runs());
    }

    /** Shows one run. */
    @Descriptor("Prints a run's results: the method x metric table, certificates and failures")
    public String show(@Descriptor("a run id, a unique prefix of one, or 'latest'") String run) {
        Optional<RunRecord> record = runner.find(run);
        if (record.isEmpty()) {
            return unknownRun(run);
        }
        if (record.get().status() != RunStatus.SUCCEEDED) {
            return "Run " + record.get().id() + " " + PlatformText.statusPhrase(record.get().status())
                    + PlatformText.statusDetail(record.get())
                    + "\nIts log is " + record.get().folder().resolve("run.log");
        }
        try {
            return PlatformText.results(runner.results(record.get()));
        } catch (IOException e) {
            return "Cannot read the results of run " + record.get().id() + ": " + e.getMessage();
        }
    }

    /** Cancels a run. */
    @Descriptor("Asks a run in progress to stop after its current step")
    public String cancel(@Descriptor("a run id, a unique prefix of one, or 'latest'") String run) {
        Optional<RunRecord> record = runner.find(run);
        if (record.isEmpty()) {
            return unknownRun(run);
        }
        return runner.cancel(record.get().id()) ? "Cancelling run " + record.get().id()
                : "Run " + record.get().id() + " is not running in this process";
    }

    private String unknownRun(String run) {
        return PlatformText.unresolvedRun(run, runner.runs());
    }

    /** Explains a command typed without its argument, in place of Gogo's "Cannot coerce" error. */
    @Descriptor("Explains the argument barrier:run needs")
    public String run() {
        return missing("run", "FILE", "the pipeline file (YAML)");
    }

    /** Explains a command typed without its argument. */
    @Descriptor("Explains the argument barrier:validate needs")
    public String validate() {
        return missing("validate", "FILE", "the pipeline file (YAML)");
    }

    /** Explains a command typed without its argument. */
    @Descriptor("Explains the argument barrier:show needs")
    public String show() {
        return missing("show", "RUN", "a run id, a unique prefix of one, or 'latest'; barrier:runs lists them");
    }

    /** Explains a command typed without its argument. */
    @Descriptor("Explains the argument barrier:cancel needs")
    public String cancel() {
        return missing("cancel", "RUN", "a run id, a unique prefix of one, or 'latest'; barrier:runs lists them");
    }

    /** Explains that barrier:runs takes no argument. */
    @Descriptor("Explains that barrier:runs takes no argument")
    public String runs(@Descriptor("an argument that barrier:runs does not take") String unexpected) {
        return "barrier:runs takes no argument, got '" + unexpected + "'; barrier:show RUN shows one run";
    }

    private static String folderGiven(String config) {
        return config + " is a folder; expected a pipeline file (YAML), such as config/fashion-mnist-smoke.yaml";
    }

    private static String missing(String command, String argument, String meaning) {
        return "barrier:" + command + " needs " + argument + ": " + meaning + ". See 'help barrier:" + command + "'.";
    }
}
