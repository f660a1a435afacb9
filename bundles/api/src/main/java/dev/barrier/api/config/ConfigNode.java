package dev.barrier.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a parsed configuration: a scalar ({@link String}, {@link Long}, {@link Double},
 * {@link Boolean} or {@code null}), a list of nodes, or a mapping from keys to nodes, with the location it
 * was read from.
 */
public final class ConfigNode {

    /** The shape of a node. */
    public enum Kind {
        /** A single value, or null. */
        SCALAR,
        /** An ordered sequence of nodes. */
        LIST,
        /** Keys mapped to nodes, in file order. */
        MAP
    }

    private final Kind kind;
    private final Object value;
    private final ConfigLocation location;

    private ConfigNode(Kind kind, Object value, ConfigLocation location) {
        this.kind = kind;
        this.value = value;
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Creates a scalar node; the value must be a String, Long, Double, Boolean or null. */
    public static ConfigNode scalar(Object value, ConfigLocation location) {
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar type " + value.getClass().getName());
        }
        return new ConfigNode(Kind.SCALAR, value, location);
    }

    /** Creates a list node. */
    public static ConfigNode list(List<ConfigNode> items, ConfigLocation location) {
        return new ConfigNode(Kind.LIST, Collections.unmodifiableList(new ArrayList<>(items)), location);
    }

    /** Creates a mapping node; the iteration order of the map is kept. */
    public static ConfigNode map(Map<String, ConfigNode> entries, ConfigLocation location) {
        return new ConfigNode(Kind.MAP, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), location);
    }

    /**
     * Converts plain Java values (maps with string keys, lists, numbers, strings, booleans) into nodes, all
     * located at {@code location}. Integers become {@link Long}s and floats become {@link Double}s.
     *
     * @throws IllegalArgumentException if a value has another type
     */
    public static ConfigNode fromJava(Object value, ConfigLocation location) {
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.put(String.valueOf(e.getKey()), fromJava(e.getValue(), location));
            }
            return map(entries, location);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>();
            for (Object item : list) {
                items.add(fromJava(item, location));
            }
            return list(items, location);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return scalar(((Number) value).longValue(), location);
        }
        if (value instanceof Float) {
            return scalar(((Float) value).doubleValue(), location);
        }
        if (value instanceof Enum<?> e) {
            return scalar(e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), location);
        }
        return scalar(value, location);
    }

    /** Returns the kind of this node. */
    public Kind kind() {
        return kind;
    }

    /** Returns where this node was read. */
    public ConfigLocation location() {
        return location;
    }

    /** Returns the scalar value (String, Long, Double, Boolean or null). */
    public Object scalarValue() {
        requireKind(Kind.SCALAR);
        return value;
    }

    /** Returns the items of a list node. */
    @SuppressWarnings("unchecked")
    public List<ConfigNode> items() {
        requireKind(Kind.LIST);
        return (List<ConfigNode>) value;
    }

    /** Returns the entries of a mapping node, in file order. */
    @SuppressWarnings("unchecked")
    public Map<String, ConfigNode> entries() {
        requireKind(Kind.MAP);
        return (Map<String, ConfigNode>) value;
    }

    /** Converts this node back into plain Java values (maps, lists and scalars). */
    public Object toJava() {
        switch (kind) {
            case SCALAR:
                return value;
            case LIST: {
                List<Object> out = new ArrayList<>();
                for (ConfigNode item : items()) {
                    out.add(item.toJava());
                }
                return out;
            }
            default: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, ConfigNode> e : entries().entrySet()) {
                    out.put(e.getKey(), e.getValue().toJava());
                }
                return out;
            }
        }
    }

    /** Describes the node for error messages: its kind and, for scalars, its value. */
    public String describe() {
        switch (kind) {
            case LIST:
                return "a list";
            case MAP:
                return "a mapping";
            default:
                if (value == null) {
                    return "an empty value";
                }
                if (value instanceof String) {
                    return "'" + value + "' (a string)";
                }
                if (value instanceof Boolean) {
                    return value + " (a boolean)";
                }
                return value + (value instanceof Long ? " (an integer)" : " (a number)");
        }
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("expected a " + expected + " node, found " + describe());
        }
    }
}
