package dev.barrier.api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A mapping in a pipeline configuration, with typed accessors that fail with the file, line and key.
 *
 * <p>Every accessor records the value it returns, including defaults, in {@link #resolved()}; the runtime
 * writes that map to the run folder so a run states every setting it used. Keys that nobody reads are
 * reported by {@link #unreadKeys()}, which is how misspelt keys are caught before a run starts.
 *
 * <p>Failure contract: accessors throw {@link ConfigurationException} when a key is missing (for the
 * variants without a default) or has the wrong type or range. Instances are not thread-safe.
 */
public final class ConfigSection {

    private final String path;
    private final ConfigNode node;
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final Set<String> readKeys = new LinkedHashSet<>();
    private final Map<String, ConfigSection> children = new LinkedHashMap<>();
    private final List<ConfigSection> listChildren = new ArrayList<>();
    private boolean abandoned;
    /** Receives wrong values of keys that have a default; null while errors are thrown instead. */
    private Consumer<ConfigProblem> collector;

    /**
     * Creates a section over a mapping node.
     *
     * @param path the dotted path of this section from the file's root, or {@code ""} for the root
     * @param node a node of kind {@link ConfigNode.Kind#MAP}
     */
    public ConfigSection(String path, ConfigNode node) {
        if (node.kind() != ConfigNode.Kind.MAP) {
            throw new IllegalArgumentException("a section needs a mapping node, got " + node.describe());
        }
        this.path = path;
        this.node = node;
    }

    /** Creates a section from plain Java values, for embedding and tests. */
    public static ConfigSection of(Map<String, ?> values, String source) {
        return new ConfigSection("", ConfigNode.fromJava(values, ConfigLocation.of(source)));
    }

    /** Creates an empty section located at {@code location}. */
    public static ConfigSection empty(String path, ConfigLocation location) {
        return new ConfigSection(path, ConfigNode.map(Map.of(), location));
    }

    /** Returns the dotted path of this section, {@code ""} for the root. */
    public String path() {
        return path;
    }

    /** Returns where this section starts. */
    public ConfigLocation location() {
        return node.location();
    }

    /** Returns whether {@code key} is present (even with an empty value). */
    public boolean has(String key) {
        return node.entries().containsKey(key);
    }

    /** Returns the keys present in the file, in file order. */
    public Set<String> keys() {
        return node.entries().keySet();
    }

    /** Returns the location of {@code key}'s value, or of this section when the key is absent. */
    public ConfigLocation locationOf(String key) {
        ConfigNode value = node.entries().get(key);
        return value != null ? value.location() : node.location();
    }

    /** Returns the full dotted path of {@code key} in this section. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    // ---- scalars -------------------------------------------------------------------------------------

    /** Returns a required string. */
    public String getString(String key) {
        return record(key, asString(key, required(key)));
    }

    /** Returns a string, or {@code defaultValue} when the key is absent. */
    public String getString(String key, String defaultValue) {
        ConfigNode value = optional(key);
        try {
            return record(key, value == null ? defaultValue : asString(key, value));
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
    }

    /** Returns a required integer. */
    public int getInt(String key) {
        return record(key, asInt(key, required(key)));
    }

    /** Returns an integer, or {@code defaultValue} when the key is absent. */
    public int getInt(String key, int defaultValue) {
        ConfigNode value = optional(key);
        try {
            return record(key, value == null ? defaultValue : asInt(key, value));
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
    }

    /** Returns an integer in {@code [min, max]}, or {@code defaultValue} when the key is absent. */
    public int getInt(String key, int defaultValue, int min, int max) {
        int value = getInt(key, defaultValue);
        if (value < min || value > max) {
            return recover(error(key, "expected an integer from " + min + " to " + max + ", got " + value), key,
                    defaultValue);
        }
        return value;
    }

    /** Returns a long integer, or {@code defaultValue} when the key is absent. */
    public long getLong(String key, long defaultValue) {
        ConfigNode value = optional(key);
        if (value == null) {
            return record(key, defaultValue);
        }
        Object v = value.kind() == ConfigNode.Kind.SCALAR ? value.scalarValue() : null;
        if (!(v instanceof Long)) {
            return recover(error(key, "expected an integer, got " + value.describe()), key, defaultValue);
        }
        return record(key, (Long) v);
    }

    /** Returns a required number. */
    public double getDouble(String key) {
        return record(key, asDouble(key, required(key)));
    }

    /** Returns a number, or {@code defaultValue} when the key is absent. */
    public double getDouble(String key, double defaultValue) {
        ConfigNode value = optional(key);
        try {
            return record(key, value == null ? defaultValue : asDouble(key, value));
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
    }

    /** Returns a number in {@code [min, max]}, or {@code defaultValue} when the key is absent. */
    public double getDouble(String key, double defaultValue, double min, double max) {
        double value = getDouble(key, defaultValue);
        if (!(value >= min && value <= max)) {
            return recover(error(key, "expected a number from " + min + " to " + max + ", got " + value), key,
                    defaultValue);
        }
        return value;
    }

    /** Returns a boolean, or {@code defaultValue} when the key is absent. */
    public boolean getBoolean(String key, boolean defaultValue) {
        ConfigNode value = optional(key);
        if (value == null) {
            return record(key, defaultValue);
        }
        Object v = value.kind() == ConfigNode.Kind.SCALAR ? value.scalarValue() : null;
        if (!(v instanceof Boolean)) {
            return recover(error(key, "expected true or false, got " + value.describe()), key, defaultValue);
        }
        return record(key, (Boolean) v);
    }

    /**
     * Returns an enum constant written in lower case with dashes ({@code per-row} for {@code PER_ROW}), or
     * {@code defaultValue} when the key is absent. An unknown value fails with the list of allowed ones.
     */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        ConfigNode value = optional(key);
        if (value == null) {
            record(key, defaultValue == null ? null : enumText(defaultValue));
            return defaultValue;
        }
        String text;
        try {
            text = asString(key, value);
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
        for (E constant : type.getEnumConstants()) {
            if (enumText(constant).equals(text.toLowerCase(Locale.ROOT))) {
                record(key, enumText(constant));
                return constant;
            }
        }
        ConfigurationException unknown = error(key, "unknown value '" + text + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(ConfigSection::enumText).collect(Collectors.joining(", ")));
        return recover(unknown, key, defaultValue);
    }

    /** Returns the text form of an enum constant as written in configuration files. */
    public static String enumText(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- lists ---------------------------------------------------------------------------------------

    /** Returns a list of strings; a single scalar counts as a list of one. */
    public List<String> getStringList(String key, List<String> defaultValue) {
        ConfigNode value = optional(key);
        if (value == null) {
            return recordList(key, defaultValue);
        }
        List<String> out = new ArrayList<>();
        try {
            for (ConfigNode item : listItems(value)) {
                out.add(asString(key, item));
            }
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
        return recordList(key, out);
    }

    /** Returns a list of integers; a single integer counts as a list of one. */
    public List<Integer> getIntList(String key, List<Integer> defaultValue) {
        ConfigNode value = optional(key);
        if (value == null) {
            return recordList(key, defaultValue);
        }
        List<Integer> out = new ArrayList<>();
        try {
            for (ConfigNode item : listItems(value)) {
                out.add(asInt(key, item));
            }
        } catch (ConfigurationException e) {
            return recover(e, key, defaultValue);
        }
        return recordList(key, out);
    }

    // ---- nested sections ----------------------------------------------------------------------------

    /**
     * Returns the nested section under {@code key}, or an empty one when the key is absent. A scalar value
     * is accepted as shorthand for a section with the single entry {@code shorthandKey: value}, so
     * {@code projection: svd} means {@code projection: {strategy: svd}} when the shorthand key is
     * {@code strategy}; pass {@code null} to reject scalars.
     */
    public ConfigSection section(String key, String shorthandKey) {
        ConfigSection existing = children.get(key);
        if (existing != null) {
            return existing;
        }
        ConfigNode value = optional(key);
        readKeys.add(key);
        ConfigSection child;
        if (value == null) {
            child = empty(pathOf(key), node.location());
        } else {
            child = new ConfigSection(pathOf(key), asMapping(key, value, shorthandKey));
        }
        child.collector = collector;
        children.put(key, child);
        resolved.put(key, child.resolved);
        return child;
    }

    /** Returns the nested section under {@code key}, or an empty one when absent; scalars are rejected. */
    public ConfigSection section(String key) {
        return section(key, null);
    }

    /**
     * Returns the sections of a list of mappings under {@code key} (empty when absent). Scalar items are
     * accepted as shorthand as in {@link #section(String, String)}.
     */
    public List<ConfigSection> sections(String key, String shorthandKey) {
        ConfigNode value = optional(key);
        readKeys.add(key);
        if (value == null) {
            resolved.put(key, List.of());
            return List.of();
        }
        if (value.kind() != ConfigNode.Kind.LIST) {
            throw error(key, "expected a list, got " + value.describe());
        }
        List<ConfigSection> out = new ArrayList<>();
        List<Object> resolvedItems = new ArrayList<>();
        int index = 0;
        for (ConfigNode item : value.items()) {
            String itemPath = pathOf(key) + "[" + index + "]";
            ConfigSection child = new ConfigSection(itemPath, asMapping(key + "[" + index + "]", item, shorthandKey));
            child.collector = collector;
            out.add(child);
            listChildren.add(child);
            resolvedItems.add(child.resolved);
            index++;
        }
        resolved.put(key, resolvedItems);
        return out;
    }

    // ---- validation support --------------------------------------------------------------------------

    /**
     * Makes the accessors that take a default report a wrong value to {@code sink} and return the default
     * instead of throwing, in this section and every section read below it later. A validator that reads a
     * whole file can then list every such problem at once. Required keys, keys whose default is null, and
     * checks a plug-in makes itself with {@link #error} still throw.
     *
     * @since 1.1
     */
    public void collectProblems(Consumer<ConfigProblem> sink) {
        collector = sink;
    }

    /**
     * Reports {@code e} to the collector and returns {@code fallback}. Throws {@code e} without a collector,
     * or when {@code fallback} is null: a null default marks a key the caller checks itself, which needs the
     * error now.
     */
    private <T> T recover(ConfigurationException e, String key, T fallback) {
        if (collector == null || fallback == null) {
            throw e;
        }
        e.problems().forEach(collector);
        readKeys.add(key);
        return fallback;
    }

    /** Marks {@code key} as read without recording a value, for keys consumed in another way. */
    public void markRead(String key) {
        readKeys.add(key);
    }

    /** Records a value the caller derived for {@code key}, so that it appears in {@link #resolved()}. */
    public void recordResolved(String key, Object value) {
        readKeys.add(key);
        resolved.put(key, value);
    }

    /**
     * Marks this section as not read to the end, because reading it failed with a reported problem. Its
     * keys that nothing read, and those of the sections below it, are then not reported as unknown: reading
     * stopped before it reached them.
     *
     * @since 1.1
     */
    public void abandon() {
        abandoned = true;
    }

    /**
     * Returns keys present in the file that nothing has read, in this section and the sections read below it.
     * Sections marked with {@link #abandon()} are left out.
     */
    public List<ConfigProblem> unreadKeys() {
        List<ConfigProblem> problems = new ArrayList<>();
        collectUnread(problems);
        return problems;
    }

    private void collectUnread(List<ConfigProblem> problems) {
        if (abandoned) {
            return;
        }
        for (String key : node.entries().keySet()) {
            if (!readKeys.contains(key)) {
                String suggestion = closestReadKey(key);
                String message = "unknown key '" + key + "'";
                if (suggestion != null) {
                    message += "; did you mean '" + suggestion + "'?";
                } else if (!readKeys.isEmpty()) {
                    message += "; keys read here: " + String.join(", ", readKeys);
                }
                problems.add(new ConfigProblem(locationOf(key), pathOf(key), message));
            }
        }
        for (ConfigSection child : children.values()) {
            child.collectUnread(problems);
        }
        for (ConfigSection child : listChildren) {
            child.collectUnread(problems);
        }
    }

    /**
     * Returns the read key closest to {@code key} in edit distance, ignoring case, when it is close enough to be a
     * likely misspelling (at most a third of the key's length, but 1 to 3 edits); null otherwise.
     */
    private String closestReadKey(String key) {
        String best = null;
        int bestDistance = Math.min(3, Math.max(1, key.length() / 3)) + 1;
        for (String candidate : readKeys) {
            int distance = editDistance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Returns the Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Returns the effective values read so far, defaults included, as plain Java values in the order they
     * were read. Nested sections appear as nested maps.
     */
    public Map<String, Object> resolved() {
        return Collections.unmodifiableMap(resolved);
    }

    /** Returns the section as written in the file, as plain Java values. */
    public Map<String, Object> raw() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node.toJava();
        return map;
    }

    /** Creates a problem for {@code key}, located at its value (or at this section if it is absent). */
    public ConfigProblem problem(String key, String message) {
        return new ConfigProblem(locationOf(key), pathOf(key), message);
    }

    /** Creates an exception for {@code key}; callers throw it. */
    public ConfigurationException error(String key, String message) {
        return new ConfigurationException(problem(key, message));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private ConfigNode required(String key) {
        ConfigNode value = node.entries().get(key);
        readKeys.add(key);
        if (value == null || (value.kind() == ConfigNode.Kind.SCALAR && value.scalarValue() == null)) {
            throw error(key, "missing required key '" + key + "'");
        }
        return value;
    }

    private ConfigNode optional(String key) {
        readKeys.add(key);
        ConfigNode value = node.entries().get(key);
        if (value != null && value.kind() == ConfigNode.Kind.SCALAR && value.scalarValue() == null) {
            return null;
        }
        return value;
    }

    private <T> T record(String key, T value) {
        resolved.put(key, value);
        return value;
    }

    private <T> List<T> recordList(String key, List<T> value) {
        resolved.put(key, value == null ? null : List.copyOf(value));
        return value;
    }

    private String asString(String key, ConfigNode value) {
        if (value.kind() != ConfigNode.Kind.SCALAR || value.scalarValue() == null) {
            throw error(key, "expected a text value, got " + value.describe());
        }
        return String.valueOf(value.scalarValue());
    }

    private int asInt(String key, ConfigNode value) {
        Object v = value.kind() == ConfigNode.Kind.SCALAR ? value.scalarValue() : null;
        if (!(v instanceof Long) || (Long) v < Integer.MIN_VALUE || (Long) v > Integer.MAX_VALUE) {
            throw error(key, "expected an integer, got " + value.describe());
        }
        return ((Long) v).intValue();
    }

    private double asDouble(String key, ConfigNode value) {
        Object v = value.kind() == ConfigNode.Kind.SCALAR ? value.scalarValue() : null;
        if (!(v instanceof Long || v instanceof Double)) {
            throw error(key, "expected a number, got " + value.describe());
        }
        return ((Number) v).doubleValue();
    }

    private List<ConfigNode> listItems(ConfigNode value) {
        return value.kind() == ConfigNode.Kind.LIST ? value.items() : List.of(value);
    }

    private ConfigNode asMapping(String key, ConfigNode value, String shorthandKey) {
        if (value.kind() == ConfigNode.Kind.MAP) {
            return value;
        }
        if (shorthandKey != null && value.kind() == ConfigNode.Kind.SCALAR && value.scalarValue() instanceof String) {
            return ConfigNode.map(Map.of(shorthandKey, value), value.location());
        }
        String expected = shorthandKey == null ? "a mapping" : "a mapping or a plug-in name";
        throw new ConfigurationException(new ConfigProblem(value.location(), pathOf(key),
                "expected " + expected + ", got " + value.describe()));
    }

    /** Returns an optional string: empty when the key is absent. */
    public Optional<String> findString(String key) {
        ConfigNode value = optional(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(record(key, asString(key, value)));
    }

    @Override
    public String toString() {
        return "ConfigSection[" + (path.isEmpty() ? "<root>" : path) + " at " + location() + "]";
    }
}
