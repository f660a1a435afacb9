package dev.barrier.api.data;

import java.nio.file.Path;

/**
 * Thrown when a dataset cannot be read: a missing folder or file, a wrong magic number, a truncated file,
 * counts that do not match. The message names the file, what was expected and what was found.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** Creates an exception about {@code file}. */
    public DatasetException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** Creates an exception about {@code file} caused by {@code cause}. */
    public DatasetException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** Returns the file or folder the problem is in. */
    public Path file() {
        return file;
    }
}
