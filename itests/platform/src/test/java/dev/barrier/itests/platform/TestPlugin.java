package dev.barrier.itests.platform;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The test-only plug-in bundle built by the {@code test-plugin} module. */
final class TestPlugin {

    /** The bundle's symbolic name. */
    static final String SYMBOLIC_NAME = "dev.barrier.itests.test-plugin";

    /** The projection strategy it registers. */
    static final String STRATEGY = "test-coordinate";

    private TestPlugin() {
    }

    /** Returns the bundle's jar, whose path the build passes in {@code barrier.itest.testPlugin}. */
    static Path jar() {
        String property = System.getProperty("barrier.itest.testPlugin");
        assertTrue("system property barrier.itest.testPlugin is not set; run the tests through Maven",
                property != null && !property.isBlank());
        Path jar = Path.of(property);
        assertTrue("the test plug-in jar " + jar + " does not exist; build itests/test-plugin first",
                Files.isRegularFile(jar));
        return jar;
    }

    /** Returns the location to install the bundle from, by reference as the platform installs bundles. */
    static String location() {
        return "reference:" + jar().toUri();
    }
}
