package dev.barrier.runtime.internal.config;

import dev.barrier.api.config.ConfigLocation;
import dev.barrier.api.config.ConfigNode;
import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML pipeline file into {@link ConfigNode}s that remember their file, line and column.
 *
 * <p>Only the YAML core schema is accepted: mappings with text keys, sequences, strings, integers, floats,
 * booleans and nulls. Anchors and aliases work; custom tags and duplicate keys are errors. SnakeYAML's node
 * API is used rather than its object mapping so that every value keeps its position.
 */
public final class YamlConfigReader {

    /** Largest accepted file, to refuse binary files or mistakes such as a dataset given as a config. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Reads a file whose root must be a mapping.
     *
     * @throws IOException            if the file cannot be read
     * @throws ConfigurationException if it is not valid YAML, or its root is not a mapping
     */
    public ConfigSection read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    Files.exists(file) ? "not a regular file" : "pipeline file not found");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new ConfigurationException(new ConfigProblem(ConfigLocation.of(file.toString()), "",
                    "the file is " + Files.size(file) + " bytes; a pipeline file is YAML text of at most "
                            + MAX_BYTES + " bytes"));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigurationException(new ConfigProblem(ConfigLocation.of(file.toString()), "",
                    "the file is not UTF-8 text"));
        }
        return read(new StringReader(text), file.toString());
    }

    /**
     * Reads YAML text whose root must be a mapping.
     *
     * @param source the name used in locations (usually the file path)
     * @throws ConfigurationException if the text is not valid YAML, or its root is not a mapping
     */
    public ConfigSection read(Reader reader, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(options);
        Node root;
        try {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
            // An unclosed bracket or quote is only noticed where the parser gives up. The context mark is where
            // the construct began, which is usually where the mistake is.
            Mark context = e.getContextMark();
            if (context != null && e.getContext() != null && mark != null && context.getLine() != mark.getLine()) {
                problem += " (" + oneLine(e.getContext()) + " at line " + (context.getLine() + 1) + ", column "
                        + (context.getColumn() + 1) + ")";
            }
            throw new ConfigurationException(new ConfigProblem(location(source, mark), "", "invalid YAML: " + problem));
        } catch (RuntimeException e) {
            throw new ConfigurationException(new ConfigProblem(ConfigLocation.of(source), "",
                    "invalid YAML: " + oneLine(e.getMessage())));
        }
        if (root == null) {
            throw new ConfigurationException(new ConfigProblem(ConfigLocation.of(source), "",
                    "the file is empty; expected a mapping with at least 'name', 'dataset', 'model' and 'methods'"));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigNode node = convert(root, source, "", problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        if (node.kind() != ConfigNode.Kind.MAP) {
            throw new ConfigurationException(new ConfigProblem(node.location(), "",
                    "the root of a pipeline file must be a mapping of keys to values, got " + node.describe()));
        }
        return new ConfigSection("", node);
    }

    private ConfigNode convert(Node node, String source, String path, List<ConfigProblem> problems) {
        ConfigLocation location = location(source, node.getStartMark());
        if (node instanceof MappingNode mapping) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            Map<String, Integer> firstLines = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalarKey) || scalarKey.getTag().equals(Tag.NULL)) {
                    problems.add(new ConfigProblem(location(source, keyNode.getStartMark()), path,
                            "keys must be plain text"));
                    continue;
                }
                String key = scalarKey.getValue();
                int line = scalarKey.getStartMark().getLine() + 1;
                Integer first = firstLines.putIfAbsent(key, line);
                if (first != null) {
                    problems.add(new ConfigProblem(location(source, keyNode.getStartMark()),
                            path.isEmpty() ? key : path + "." + key,
                            "duplicate key '" + key + "' (first given on line " + first + ")"));
                    continue;
                }
                String childPath = path.isEmpty() ? key : path + "." + key;
                entries.put(key, convert(tuple.getValueNode(), source, childPath, problems));
            }
            return ConfigNode.map(entries, location);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigNode> items = new ArrayList<>();
            int index = 0;
            for (Node item : sequence.getValue()) {
                items.add(convert(item, source, path + "[" + index + "]", problems));
                index++;
            }
            return ConfigNode.list(items, location);
        }
        ScalarNode scalar = (ScalarNode) node;
        return ConfigNode.scalar(scalarValue(scalar, location, path, problems), location);
    }

    private Object scalarValue(ScalarNode scalar, ConfigLocation location, String path, List<ConfigProblem> problems) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (tag.equals(Tag.STR)) {
            return text;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.valueOf(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")
                    || text.equalsIgnoreCase("on"));
        }
        if (tag.equals(Tag.INT)) {
            try {
                return Long.decode(text.replace("_", ""));
            } catch (NumberFormatException e) {
                problems.add(new ConfigProblem(location, path, "integer '" + text + "' is out of range"));
                return null;
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            switch (t) {
                case ".inf", "+.inf":
                    return Double.POSITIVE_INFINITY;
                case "-.inf":
                    return Double.NEGATIVE_INFINITY;
                case ".nan":
                    return Double.NaN;
                default:
                    try {
                        return Double.valueOf(t);
                    } catch (NumberFormatException e) {
                        problems.add(new ConfigProblem(location, path, "invalid number '" + text + "'"));
                        return null;
                    }
            }
        }
        problems.add(new ConfigProblem(location, path, "unsupported YAML tag " + tag.getValue() + " on '" + text
                + "'; use plain text, numbers, booleans, lists and mappings"));
        return null;
    }

    private static ConfigLocation location(String source, Mark mark) {
        if (mark == null) {
            return ConfigLocation.of(source);
        }
        return new ConfigLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
