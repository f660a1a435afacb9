package dev.barrier.runtime.internal.plugin;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the plug-in factory services of every kind as bundles come and go, and creates configured
 * instances by name.
 *
 * <p>When two services of one kind share a name, the one with the higher service ranking (then the lower
 * service id) is used, and a warning names both bundles.
 */
@Component(service = PluginCatalog.class, immediate = true)
public final class PluginRegistry implements PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<PluginKind<?>, Map<ServiceReference<?>, Registration>> registrations = new ConcurrentHashMap<>();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final PluginDirectory directory = new PluginDirectory(this::factories);

    /** Starts one tracker per plug-in kind. */
    @Activate
    public PluginRegistry(BundleContext context) {
        for (PluginKind<?> kind : PluginKind.values()) {
            registrations.put(kind, new ConcurrentHashMap<>());
            ServiceTracker<?, ?> tracker = track(context, kind);
            trackers.add(tracker);
            tracker.open();
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceTracker<?, ?> tracker : trackers) {
            tracker.close();
        }
        trackers.clear();
    }

    private <T> ServiceTracker<PluginFactory<T>, Registration> track(BundleContext context, PluginKind<T> kind) {
        @SuppressWarnings("unchecked")
        Class<PluginFactory<T>> type = (Class<PluginFactory<T>>) kind.factoryType();
        return new ServiceTracker<>(context, type, new ServiceTrackerCustomizer<PluginFactory<T>, Registration>() {
            @Override
            public Registration addingService(ServiceReference<PluginFactory<T>> reference) {
                Object name = reference.getProperty(PluginFactory.NAME_PROPERTY);
                if (!(name instanceof String) || ((String) name).isBlank()) {
                    LOG.warn("Ignoring a {} plug-in from bundle {} without a '{}' service property", kind,
                            reference.getBundle().getSymbolicName(), PluginFactory.NAME_PROPERTY);
                    return null;
                }
                PluginFactory<T> factory = context.getService(reference);
                if (factory == null) {
                    return null;
                }
                Registration registration = new Registration(kind, (String) name, factory, reference);
                registrations.get(kind).put(reference, registration);
                LOG.debug("Plug-in added: {} '{}' from {}", kind, name, registration.bundle());
                warnOnDuplicate(kind, (String) name);
                return registration;
            }

            @Override
            public void modifiedService(ServiceReference<PluginFactory<T>> reference, Registration registration) {
                removedService(reference, registration);
                addingService(reference);
            }

            @Override
            public void removedService(ServiceReference<PluginFactory<T>> reference, Registration registration) {
                registrations.get(kind).remove(reference);
                LOG.debug("Plug-in removed: {} '{}' from {}", kind, registration.name(), registration.bundle());
                context.ungetService(reference);
            }
        });
    }

    private void warnOnDuplicate(PluginKind<?> kind, String name) {
        List<Registration> same = registrations.get(kind).values().stream().filter(r -> r.name().equals(name))
                .sorted(Registration.PRECEDENCE).toList();
        if (same.size() > 1) {
            LOG.warn("{} plug-in '{}' is registered by {} bundles ({}); using the one from {}", kind, name, same.size(),
                    String.join(", ", same.stream().map(Registration::bundle).toList()), same.get(0).bundle());
        }
    }

    @Override
    public List<PluginDescriptor> plugins() {
        List<PluginDescriptor> out = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.values()) {
            for (Registration registration : active(kind).values()) {
                out.add(registration.descriptor());
            }
        }
        return out;
    }

    @Override
    public List<String> names(PluginKind<?> kind) {
        return directory.names(kind);
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section) {
        return directory.create(kind, section);
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section, String defaultName) {
        return directory.create(kind, section, defaultName);
    }

    private Map<String, PluginFactory<?>> factories(PluginKind<?> kind) {
        Map<String, PluginFactory<?>> factories = new TreeMap<>();
        active(kind).forEach((name, registration) -> factories.put(name, registration.factory()));
        return factories;
    }

    /** Returns the registration in use for each name of {@code kind}, sorted by name. */
    private Map<String, Registration> active(PluginKind<?> kind) {
        Map<String, Registration> byName = new TreeMap<>();
        registrations.get(kind).values().stream().sorted(Registration.PRECEDENCE)
                .forEach(r -> byName.putIfAbsent(r.name(), r));
        return byName;
    }

    /** One tracked factory service. */
    private record Registration(PluginKind<?> kind, String name, PluginFactory<?> factory,
            ServiceReference<?> reference) {

        static final Comparator<Registration> PRECEDENCE = Comparator
                .comparing((Registration r) -> -ranking(r.reference))
                .thenComparingLong(r -> (Long) r.reference.getProperty("service.id"));

        String bundle() {
            org.osgi.framework.Bundle bundle = reference.getBundle();
            return bundle == null ? "(uninstalled bundle)" : bundle.getSymbolicName();
        }

        PluginDescriptor descriptor() {
            org.osgi.framework.Bundle bundle = reference.getBundle();
            String version = bundle == null ? "" : bundle.getVersion().toString();
            String description;
            try {
                description = factory.description();
            } catch (RuntimeException e) {
                description = "";
            }
            return new PluginDescriptor(kind, name, description == null ? "" : description, bundle(), version);
        }

        private static int ranking(ServiceReference<?> reference) {
            Object ranking = reference.getProperty("service.ranking");
            return ranking instanceof Integer ? (Integer) ranking : 0;
        }
    }
}
