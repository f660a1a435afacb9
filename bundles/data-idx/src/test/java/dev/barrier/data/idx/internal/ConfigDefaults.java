package dev.barrier.data.idx.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a component configuration annotation as Declarative Services would, from its defaults. */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    /** Returns an instance of {@code type} whose methods return their defaults, or the value in {@code overrides}. */
    static <A extends Annotation> A of(Class<A> type, Map<String, Object> overrides) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + overrides;
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    return overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                            : method.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }

    /** Returns an instance of {@code type} with all defaults. */
    static <A extends Annotation> A of(Class<A> type) {
        return of(type, Map.of());
    }
}
