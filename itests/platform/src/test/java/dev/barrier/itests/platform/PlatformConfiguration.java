package dev.barrier.itests.platform;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * Builds the Pax Exam configuration shared by every test class: the distribution's bundles, a fresh platform
 * home, and the settings that keep the test JVM off the network. Runs in the test driver, outside the
 * framework, so it uses only Pax Exam and the JDK.
 *
 * <p>System properties read here, set by the build (see this module's pom.xml):
 * <ul>
 *   <li>{@code barrier.itest.distribution}: the assembled distribution folder (with {@code system/});</li>
 *   <li>{@code barrier.itest.localRepository}: the local Maven repository that Pax Exam's own bundles are
 *       resolved from;</li>
 *   <li>{@code barrier.itest.work}: the folder under which each test class gets its platform home.</li>
 * </ul>
 */
public final class PlatformConfiguration {

    /** The package the launcher exports from the system bundle, which the cli-bridge bundle imports. */
    static final String CLI_SPI_PACKAGE = "dev.barrier.cli.spi;version=1.0.0";

    /** The system property with the platform home folder. The runtime keeps runs in its {@code var/runs}. */
    static final String HOME_PROPERTY = "barrier.home";

    /** The folder FileInstall watches, relative to the platform home, as in the distribution. */
    static final String DEPLOY_FOLDER = "deploy";

    private static final String MAVEN_PREFIX = "org.ops4j.pax.url.mvn.";

    private PlatformConfiguration() {
    }

    /**
     * Returns the options for a framework running every bundle of the distribution, with a new platform
     * home for {@code testClass}.
     *
     * @throws IllegalStateException if a required system property is missing or the distribution has no
     *         bundles. The message explains how to build it.
     */
    public static Option[] platform(Class<?> testClass) {
        Path distribution = distribution();
        Path home = createHome(testClass);

        List<Option> options = new ArrayList<>();
        options.addAll(offlineMavenResolution(home));
        options.add(systemProperty("ai.djl.offline").value("true"));
        options.add(systemProperty("OPT_OUT_TRACKING").value("true"));
        options.add(systemProperty(HOME_PROPERTY).value(home.toString()));

        options.add(systemPackage(CLI_SPI_PACKAGE));
        options.add(frameworkProperty("felix.log.level").value("1"));
        // Without it the Gogo shell reads commands from standard input, which Failsafe uses for its own.
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve(DEPLOY_FOLDER).toString()));
        options.add(frameworkProperty("felix.fileinstall.tmpdir").value(home.resolve("var/fileinstall").toString()));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("500"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("2"));
        options.add(cleanCaches(true));

        options.add(junitBundles());
        for (Path jar : systemBundles(distribution)) {
            // By reference, as bin/barrier does: the 111 MB native fragment is never copied.
            options.add(bundle("reference:" + jar.toUri()).start(!isFragment(jar)));
        }
        return options.toArray(Option[]::new);
    }

    /**
     * Makes pax-url-aether, which resolves Pax Exam's own bundles ({@code mvn:} URLs behind its
     * {@code link:} files), read the local Maven repository and nothing else: no remote repositories, no
     * fallback to Maven Central, offline mode, and an empty settings file so that a user's
     * {@code ~/.m2/settings.xml} cannot add repositories or mirrors.
     */
    private static List<Option> offlineMavenResolution(Path home) {
        Path settings = home.resolve("pax-url-settings.xml");
        try {
            Files.writeString(settings, "<settings/>\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings, e);
        }
        String localRepository = requiredProperty("barrier.itest.localRepository");
        return List.of(
                systemProperty(MAVEN_PREFIX + "settings").value(settings.toString()),
                systemProperty(MAVEN_PREFIX + "localRepository").value(localRepository),
                systemProperty(MAVEN_PREFIX + "repositories").value(""),
                systemProperty(MAVEN_PREFIX + "defaultRepositories").value(""),
                systemProperty(MAVEN_PREFIX + "useFallbackRepositories").value("false"),
                systemProperty(MAVEN_PREFIX + "offline").value("true"));
    }

    private static Path createHome(Class<?> testClass) {
        Path work = Path.of(System.getProperty("barrier.itest.work", "target/itest-work")).toAbsolutePath();
        try {
            Files.createDirectories(work);
            Path home = Files.createTempDirectory(work, testClass.getSimpleName() + "-");
            Files.createDirectories(home.resolve(DEPLOY_FOLDER));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a platform home under " + work, e);
        }
    }

    /** Returns the distribution folder, absolute and normalized. */
    static Path distribution() {
        return Path.of(requiredProperty("barrier.itest.distribution")).toAbsolutePath().normalize();
    }

    /** Returns the jars of {@code distribution/system}, sorted by name as the launcher installs them. */
    static List<Path> systemBundles(Path distribution) {
        Path system = distribution.resolve("system");
        List<Path> jars;
        try (Stream<Path> files = Files.list(system)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            jars = List.of();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + system + "; assemble the distribution first:"
                    + " mvn -o install -DskipTests -pl distribution");
        }
        return jars;
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run these tests through"
                    + " Maven (mvn verify -pl itests/platform), whose Failsafe configuration sets it");
        }
        return value;
    }
}
