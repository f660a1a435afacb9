package dev.barrier.api.config;

/**
 * One problem found in a configuration: where it is, which key it concerns and what is wrong.
 *
 * @param location where the offending value (or the section missing a key) is
 * @param path     the dotted path of the key, such as {@code methods[2].projection.reducedDim}; empty for a
 *                 problem of the file as a whole, such as a YAML syntax error
 * @param message  what was expected and what was found
 */
public record ConfigProblem(ConfigLocation location, String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? location + ": " + message : location + ": " + path + ": " + message;
    }
}
