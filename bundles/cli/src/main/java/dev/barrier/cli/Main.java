package dev.barrier.cli;

import dev.barrier.cli.spi.CommandLineService;
import dev.barrier.cli.spi.ExitCodes;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code bin/barrier} command line. It checks the command line before starting anything, starts the
 * platform, runs one command (or the Gogo shell) and returns an exit code from {@link ExitCodes}. Usage and
 * errors go to standard error; results and {@code --help} go to standard output.
 */
public final class Main {

    /** How long the launcher waits for the platform's command service. */
    static final int START_TIMEOUT_SECONDS = 60;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and exits with its code; the only place the launcher exits. */
    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).execute(args));
    }

    static Options globalOptions() {
        Options options = new Options();
        options.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        options.addOption(Option.builder().longOpt("version").desc("print the version and exit").get());
        options.addOption(Option.builder().longOpt("home").hasArg().argName("DIR")
                .desc("the distribution folder (default: $BARRIER_HOME, else the folder above bin/)").get());
        options.addOption(Option.builder("v").longOpt("verbose")
                .desc("print framework, bundle and plug-in diagnostics").get());
        return options;
    }

    static Options commandOptions() {
        Options options = new Options();
        options.addOption(Option.builder("h").longOpt("help").desc("print help for this command and exit").get());
        return options;
    }

    /** Parses and runs; returns the exit code. */
    int execute(String[] args) {
        CommandLine global;
        try {
            global = new DefaultParser().parse(globalOptions(), args, true);
        } catch (ParseException e) {
            return usageError(e.getMessage(), null);
        }
        if (global.hasOption("version")) {
            out.println("barrier " + version());
            return ExitCodes.OK;
        }
        List<String> rest = global.getArgList();
        if (global.hasOption("help") || rest.isEmpty()) {
            if (rest.isEmpty() && !global.hasOption("help")) {
                return usageError("missing command", null);
            }
            printHelp(out, null);
            return ExitCodes.OK;
        }
        Command command = Command.find(rest.get(0)).orElse(null);
        if (command == null) {
            return usageError("unknown command '" + rest.get(0) + "'", null);
        }
        CommandLine parsed;
        try {
            parsed = new DefaultParser().parse(commandOptions(), rest.subList(1, rest.size()).toArray(String[]::new));
        } catch (ParseException e) {
            return usageError(e.getMessage(), command);
        }
        if (parsed.hasOption("help")) {
            printHelp(out, command);
            return ExitCodes.OK;
        }
        List<String> arguments = parsed.getArgList();
        if (arguments.size() < command.minArguments || arguments.size() > command.maxArguments) {
            return usageError(command.id() + " takes " + (command.arguments.isEmpty() ? "no arguments"
                    : command.arguments) + ", got " + (arguments.isEmpty() ? "none" : String.join(" ", arguments)),
                    command);
        }
        if (command == Command.RUN || command == Command.VALIDATE) {
            Path config = Path.of(arguments.get(0)).toAbsolutePath();
            if (Files.isDirectory(config)) {
                err.println("barrier: " + config + " is a folder; expected a pipeline file (YAML), such as "
                        + "config/fashion-mnist-classwise.yaml");
                return ExitCodes.INVALID_CONFIGURATION;
            }
            if (!Files.isRegularFile(config)) {
                err.println("barrier: pipeline file not found: " + config);
                return ExitCodes.INVALID_CONFIGURATION;
            }
        }
        Path home = home(global.getOptionValue("home"));
        return launch(home, command, arguments, global.hasOption("verbose"));
    }

    private int launch(Path home, Command command, List<String> arguments, boolean verbose) {
        configureLogging(verbose);
        System.setProperty("barrier.home", home.toString());
        System.setProperty("barrier.progress", System.console() != null ? "bar" : "lines");
        if (command == Command.SHELL) {
            // Before the start, because the shell prints its prompt as soon as its bundle starts.
            out.println("BARRIER shell. Try barrier:list, barrier:run FILE, barrier:runs, barrier:show latest;"
                    + " 'help' lists every command, 'exit' or Ctrl-D leaves.");
        }
        Platform platform;
        try {
            platform = Platform.start(home, command == Command.SHELL, verbose, err);
        } catch (Platform.PlatformException e) {
            err.println("barrier: " + e.getMessage());
            return ExitCodes.PLATFORM;
        }
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        CommandLineService[] service = new CommandLineService[1];
        Thread hook = new Thread(() -> {
            if (!done.get()) {
                err.println("\nbarrier: interrupted; stopping");
                if (service[0] != null) {
                    service[0].cancelAll();
                }
                // The shell's main thread waits for the framework to stop, so only a command waits for it here.
                if (command != Command.SHELL) {
                    try {
                        finished.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                platform.close();
            }
        }, "barrier-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (command == Command.SHELL) {
                platform.awaitStop();
                return ExitCodes.OK;
            }
            service[0] = platform.awaitCommands(START_TIMEOUT_SECONDS);
            try {
                return dispatch(service[0], command, arguments);
            } catch (RuntimeException | LinkageError e) {
                err.println("barrier: internal error: " + e);
                if (verbose) {
                    e.printStackTrace(err);
                } else {
                    err.println("barrier: run again with --verbose for the stack trace");
                }
                return ExitCodes.PLATFORM;
            }
        } catch (Platform.PlatformException e) {
            err.println("barrier: " + e.getMessage());
            return ExitCodes.PLATFORM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } finally {
            done.set(true);
            finished.countDown();
            platform.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is running or has run.
            }
        }
    }

    private int dispatch(CommandLineService service, Command command, List<String> arguments) {
        switch (command) {
            case RUN:
                return service.run(Path.of(arguments.get(0)), out, err);
            case VALIDATE:
                return service.validate(Path.of(arguments.get(0)), out, err);
            case LIST:
                return service.list(arguments.isEmpty() ? null : arguments.get(0), out, err);
            case RUNS:
                return service.runs(out, err);
            case SHOW:
                return service.show(arguments.get(0), out, err);
            default:
                throw new IllegalStateException("no dispatch for " + command);
        }
    }

    /** Sets the diagnostics level of the bundles' SLF4J simple logger before any bundle logs. */
    private static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "false");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // DJL warns on every start of a machine without a GPU that it cannot count GPUs; that is expected.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", verbose ? "warn" : "error");
        // DJL must never reach the network: set before any DJL class loads.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static Path home(String option) {
        if (option != null) {
            return Path.of(option).toAbsolutePath().normalize();
        }
        String env = System.getenv("BARRIER_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String property = System.getProperty("barrier.home");
        return Path.of(property != null ? property : ".").toAbsolutePath().normalize();
    }

    private int usageError(String message, Command command) {
        err.println("barrier: " + message);
        printHelp(err, command);
        return ExitCodes.USAGE;
    }

    private static void printHelp(PrintStream stream, Command command) {
        HelpFormatter formatter = HelpFormatter.builder().setPrintWriter(new PrintWriter(stream, true)).get();
        PrintWriter writer = new PrintWriter(stream, true);
        if (command == null) {
            StringBuilder commands = new StringBuilder("\nCommands:\n");
            for (Command c : Command.values()) {
                commands.append(String.format("  %-18s %s%n", c.id() + (c.arguments.isEmpty() ? "" : " " + c.arguments),
                        c.summary));
            }
            commands.append("\nRun 'barrier COMMAND --help' for a command's details.\n"
                    + "Exit codes: 0 success, 1 run failed, 2 usage error, 3 invalid pipeline file,\n"
                    + "            4 platform error, 130 interrupted.\n");
            formatter.printHelp(writer, 100, "barrier [OPTIONS] COMMAND [ARGUMENTS]",
                    "Machine unlearning with bounded activation regions.\n\nOptions:", globalOptions(), 2, 4, "");
            // Printed as is: the formatter would rewrap the table's lines at its width.
            writer.print(commands);
        } else {
            formatter.printHelp(writer, 100, "barrier " + command.id() + " [--help]"
                    + (command.arguments.isEmpty() ? "" : " " + command.arguments),
                    command.summary + (command.details.isEmpty() ? "" : "\n" + command.details) + "\n\nOptions:",
                    commandOptions(), 2, 4, "");
        }
        writer.flush();
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
