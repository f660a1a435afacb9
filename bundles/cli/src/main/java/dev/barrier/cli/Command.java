package dev.barrier.cli;

import java.util.Locale;
import java.util.Optional;

/** The commands of {@code bin/barrier}. */
enum Command {
    RUN("CONFIG", 1, 1, "Runs a pipeline file, prints its results table and exits.",
            "CONFIG is a pipeline file (YAML); example files are in config/. The run folder under var/runs/ holds"
                    + " the effective configuration, the log, metrics.json and the reports."),
    VALIDATE("CONFIG", 1, 1, "Checks a pipeline file against the installed plug-ins without running it.",
            "Prints every problem with its file, line and key."),
    LIST("[KIND]", 0, 1, "Lists the installed plug-ins by kind and name, with the bundle that provides each.",
            "KIND limits the list to one kind: dataset, model, extractor, projection, region, base-loss,"
                    + " protection-loss, method, evaluator or reporter."),
    RUNS("", 0, 0, "Lists past and current runs with their status.", ""),
    SHOW("RUN", 1, 1, "Prints a finished run's results table, certificates and failures.",
            "RUN is a run id, a unique prefix of one, or 'latest'."),
    SHELL("", 0, 0, "Opens the Felix Gogo shell with the platform started.",
            "The barrier: commands (run, validate, list, runs, show, cancel) are available there; 'help' lists"
                    + " every command and 'exit' or Ctrl-D leaves.");

    final String arguments;
    final int minArguments;
    final int maxArguments;
    final String summary;
    final String details;

    Command(String arguments, int minArguments, int maxArguments, String summary, String details) {
        this.arguments = arguments;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.summary = summary;
        this.details = details;
    }

    /** Returns the name typed on the command line. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a command by the name typed. */
    static Optional<Command> find(String name) {
        for (Command command : values()) {
            if (command.id().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
