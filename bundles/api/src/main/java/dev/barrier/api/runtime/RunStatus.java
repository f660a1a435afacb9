package dev.barrier.api.runtime;

/** The state of a run folder. */
public enum RunStatus {
    /** The run is in progress in this process. */
    RUNNING,
    /** The run completed and its folder holds every result. */
    SUCCEEDED,
    /** The run stopped with an error; its folder holds the log and the error, and no results. */
    FAILED,
    /** The user cancelled the run. */
    CANCELLED,
    /** The folder says running, but the process that ran it is gone (killed or crashed). */
    INTERRUPTED
}
