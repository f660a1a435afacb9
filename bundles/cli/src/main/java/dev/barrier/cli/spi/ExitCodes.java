package dev.barrier.cli.spi;

/** The exit codes of {@code bin/barrier}. */
public final class ExitCodes {

    /** The command succeeded. */
    public static final int OK = 0;
    /** A run started but failed, or the command's target (a run) does not exist or is not finished. */
    public static final int FAILED = 1;
    /** The command line is invalid: an unknown command or option, or a missing argument. */
    public static final int USAGE = 2;
    /** The pipeline file is missing, unreadable or invalid; nothing was run. */
    public static final int INVALID_CONFIGURATION = 3;
    /** The platform could not start or lacks a part it needs (a bundle, the tensor engine). */
    public static final int PLATFORM = 4;
    /** The user interrupted the command (Ctrl-C); 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
