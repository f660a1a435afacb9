package dev.barrier.itests.platform;

import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Helpers that run inside the framework: waiting for services and conditions, finding bundles, and the
 * platform home. They use only the OSGi framework API, so a test that refreshes the platform's API bundle
 * can use them without being wired to it.
 */
final class Platform {

    /** How long a test waits for a service, generous because the torch gateway loads libtorch while it starts. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(60);

    private Platform() {
    }

    /** Returns the platform home that {@link PlatformConfiguration} created for this framework. */
    static Path home(BundleContext context) {
        String home = context.getProperty(PlatformConfiguration.HOME_PROPERTY);
        if (home == null) {
            fail("property " + PlatformConfiguration.HOME_PROPERTY + " is not set; the test configuration sets it");
        }
        return Path.of(home);
    }

    /** Returns the run store the runtime uses by default: {@code var/runs} under the platform home. */
    static Path defaultRunStore(BundleContext context) {
        return home(context).resolve("var/runs");
    }

    /**
     * Waits for a service of {@code type} and returns it.
     *
     * @throws AssertionError if none appears within {@link #SERVICE_TIMEOUT}; the message lists the bundles
     *         that are not active
     */
    static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
        // The tracker stays open: closing it would release the service this test is about to use.
        if (service == null) {
            fail("no " + type.getName() + " service within " + SERVICE_TIMEOUT.toSeconds() + " s; "
                    + inactiveBundles(context));
        }
        return service;
    }

    /**
     * Applies {@code function} to the service of {@code type} registered now and releases the service
     * afterwards. Returns null when none is registered. For polling a service that may be replaced while a
     * test waits.
     */
    static <T, R> R withService(BundleContext context, Class<T> type, Function<T, R> function) {
        ServiceReference<T> reference = context.getServiceReference(type);
        if (reference == null) {
            return null;
        }
        T service = context.getService(reference);
        if (service == null) {
            return null;
        }
        try {
            return function.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Waits for a service registered under the class named {@code className} and returns its reference. For
     * tests that must not load the class themselves.
     */
    static ServiceReference<?> serviceReference(BundleContext context, String className) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context,
                    context.createFilter("(" + Constants.OBJECTCLASS + "=" + className + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid class name " + className, e);
        }
        tracker.open(true);
        try {
            if (tracker.waitForService(SERVICE_TIMEOUT.toMillis()) == null) {
                fail("no " + className + " service within " + SERVICE_TIMEOUT.toSeconds() + " s; "
                        + inactiveBundles(context));
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    /**
     * Polls {@code condition} every 100 ms until it holds.
     *
     * @throws AssertionError with {@code description}'s text if it does not hold within {@code timeout}
     */
    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> description)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(description.get() + " (waited " + timeout.toMillis() + " ms)");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until no bundle or service event has happened for {@code quiet}, at most {@code limit}, so that
     * components still activating after the framework start have registered their services.
     */
    static void awaitQuiet(BundleContext context, Duration quiet, Duration limit) throws InterruptedException {
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        ServiceListener serviceListener = event -> lastEvent.set(System.nanoTime());
        BundleListener bundleListener = (BundleEvent event) -> lastEvent.set(System.nanoTime());
        context.addServiceListener(serviceListener);
        context.addBundleListener(bundleListener);
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && System.nanoTime() - lastEvent.get() < quiet.toNanos()) {
                Thread.sleep(50);
            }
        } finally {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        }
    }

    /** Returns the installed bundle with {@code symbolicName}, failing the test if there is none. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed; installed: "
                        + Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                                .collect(Collectors.joining(", "))));
    }

    /** Returns whether a bundle with {@code symbolicName} is installed. */
    static boolean isInstalled(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).anyMatch(b -> symbolicName.equals(b.getSymbolicName()));
    }

    /** Describes the bundles that are neither active nor resolved fragments, for failure messages. */
    static String inactiveBundles(BundleContext context) {
        String inactive = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && !(isFragment(b) && b.getState() == Bundle.RESOLVED))
                .map(b -> b.getSymbolicName() + " " + stateName(b.getState()))
                .collect(Collectors.joining(", "));
        return inactive.isEmpty() ? "every bundle is active" : "bundles not active: " + inactive;
    }

    /** Returns whether {@code bundle} is a fragment. */
    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    /** Returns the name of a bundle state, such as {@code RESOLVED}. */
    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED:
                return "UNINSTALLED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            default:
                return "state " + state;
        }
    }

    /** Returns the bundle that contains the tests, the Pax Exam probe. */
    static Bundle probe() {
        return FrameworkUtil.getBundle(Platform.class);
    }

    /** Returns the number of milliseconds between two {@link System#nanoTime()} readings. */
    static long millisBetween(long startNanos, long endNanos) {
        return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    }
}
