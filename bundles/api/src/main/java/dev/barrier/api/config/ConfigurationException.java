package dev.barrier.api.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a pipeline configuration is invalid. It carries every problem found, each with its file,
 * line and key, so that a user can fix them all at once.
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** Creates an exception for one or more problems; the list must not be empty. */
    public ConfigurationException(List<ConfigProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Creates an exception for a single problem. */
    public ConfigurationException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** Returns the problems, in the order they were found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " configuration problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
