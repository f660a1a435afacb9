package dev.barrier.model.diffusion.internal;

import java.lang.reflect.Proxy;

/**
 * Creates instances of component configuration annotations that return each attribute's declared default,
 * as Declarative Services does when no configuration is present.
 */
final class ConfigurationDefaults {

    private ConfigurationDefaults() {
    }

    static <A> A of(Class<A> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "defaults of " + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    return method.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }
}
