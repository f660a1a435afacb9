package dev.barrier.cli.spi;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Carries out the launcher's commands inside the framework. Every method prints results to {@code out} and
 * problems to {@code err}, and returns one of the {@link ExitCodes}.
 */
public interface CommandLineService {

    /** Validates and runs a pipeline file, printing progress and then the results table. */
    int run(Path config, PrintStream out, PrintStream err);

    /** Validates a pipeline file without running it. */
    int validate(Path config, PrintStream out, PrintStream err);

    /** Lists installed plug-ins, all of them or those of one kind (null for all). */
    int list(String kind, PrintStream out, PrintStream err);

    /** Lists past and current runs. */
    int runs(PrintStream out, PrintStream err);

    /** Prints one run's results. */
    int show(String run, PrintStream out, PrintStream err);

    /** Asks every run in progress in this process to stop. */
    void cancelAll();
}
