package dev.barrier.itests.platform;

import static org.junit.Assert.fail;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Checks on the installed plug-ins, with failure messages that name what is missing and what is installed. */
final class Plugins {

    /** How long a test waits for a plug-in to appear or disappear after its bundle changed. */
    static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);

    private Plugins() {
    }

    /**
     * Fails the test unless every named plug-in of {@code kind} is installed. Tests call it first, so that
     * a missing plug-in bundle reads as such instead of as a confusing later failure.
     */
    static void require(PluginCatalog catalog, PluginKind<?> kind, String... names) {
        List<String> installed = catalog.names(kind);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!installed.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            fail("this test needs the " + kind + " plug-in(s) " + String.join(", ", missing)
                    + ", which the distribution does not provide; installed " + kind + " plug-ins: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)));
        }
    }

    /** Waits until {@code name} is (or is no longer) an installed plug-in of {@code kind}. */
    static void awaitPresence(PluginCatalog catalog, PluginKind<?> kind, String name, boolean present)
            throws InterruptedException {
        Platform.await(PLUGIN_TIMEOUT, () -> catalog.names(kind).contains(name) == present,
                () -> kind + " plug-in '" + name + "' " + (present ? "did not appear" : "did not disappear")
                        + "; installed " + kind + " plug-ins: " + catalog.names(kind));
    }
}
