package dev.barrier.api.config;

/**
 * Where a configuration value came from: a source (usually a file path) and a 1-based line and column.
 * A line of 0 means the position is unknown, for example for values built in code.
 *
 * @param source the file path or another description of the source
 * @param line   the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record ConfigLocation(String source, int line, int column) {

    /** Creates a location for values that do not come from a file. */
    public static ConfigLocation of(String source) {
        return new ConfigLocation(source, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
