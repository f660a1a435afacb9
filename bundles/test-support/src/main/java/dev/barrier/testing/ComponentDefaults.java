package dev.barrier.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a component's configuration annotation the way Declarative Services does when no configuration is
 * given: every method returns its declared default, unless {@code overrides} names it.
 */
public final class ComponentDefaults {

    private ComponentDefaults() {
    }

    /** Returns an instance of {@code type} with its defaults and the given overrides. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> overrides) {
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

    /** Returns an instance of {@code type} with all its defaults. */
    public static <A extends Annotation> A of(Class<A> type) {
        return of(type, Map.of());
    }
}
