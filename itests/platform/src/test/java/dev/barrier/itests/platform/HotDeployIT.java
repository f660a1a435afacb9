package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.PipelineRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The deploy folder, which FileInstall polls every 500 ms in these tests. A bundle copied there adds its
 * plug-ins and deleting it removes them. A {@code .cfg} file there configures a component through
 * Configuration Admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

    /** How long a change in the deploy folder may take to show: a few polls plus a bundle start. */
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(10);

    private static final String RUNTIME_PID = "dev.barrier.runtime";

    @Inject
    private BundleContext context;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void copiedJarAddsPlugin() throws Exception {
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        Path deployed = deployFolder().resolve("test-plugin.jar");

        long start = System.nanoTime();
        moveIntoPlace(TestPlugin.jar(), deployed);
        Platform.await(DEPLOY_TIMEOUT, () -> catalog.names(PluginKind.PROJECTION).contains(TestPlugin.STRATEGY),
                () -> "'" + TestPlugin.STRATEGY + "' did not appear after copying the jar to " + deployed + "; "
                        + "projections: " + catalog.names(PluginKind.PROJECTION));
        long appeared = System.nanoTime();
        Files.delete(deployed);
        Platform.await(DEPLOY_TIMEOUT, () -> !catalog.names(PluginKind.PROJECTION).contains(TestPlugin.STRATEGY),
                () -> "'" + TestPlugin.STRATEGY + "' was still installed after deleting " + deployed);
        long removed = System.nanoTime();

        System.out.printf("hot deploy: plug-in listed %d ms after the copy, gone %d ms after the delete%n",
                Platform.millisBetween(start, appeared), Platform.millisBetween(appeared, removed));
        Platform.await(DEPLOY_TIMEOUT, () -> !Platform.isInstalled(context, TestPlugin.SYMBOLIC_NAME),
                () -> "bundle " + TestPlugin.SYMBOLIC_NAME + " is still installed after deleting its jar");
    }

    @Test
    public void configurationFileReachesRuntime() throws Exception {
        ConfigurationAdmin configurationAdmin = Platform.service(context, ConfigurationAdmin.class);
        Path runStore = Platform.home(context).resolve("hot-deployed-runs");
        Path file = deployFolder().resolve(RUNTIME_PID + ".cfg");
        Path staged = Platform.home(context).resolve(RUNTIME_PID + ".cfg");
        Files.writeString(staged, "runStore=" + runStore + "\n", StandardCharsets.UTF_8);

        moveIntoPlace(staged, file);
        Platform.await(DEPLOY_TIMEOUT, () -> runStore.toString().equals(runStoreProperty(configurationAdmin)),
                () -> "Configuration Admin has no runStore=" + runStore + " for " + RUNTIME_PID + " after writing "
                        + file + "; it has " + runStoreProperty(configurationAdmin));
        Platform.await(DEPLOY_TIMEOUT, () -> runStore.equals(currentRunStore()),
                () -> "the runtime's run store is " + currentRunStore() + ", expected " + runStore);
        Files.delete(file);
        Platform.await(DEPLOY_TIMEOUT, () -> runStoreProperty(configurationAdmin) == null,
                () -> "the configuration of " + RUNTIME_PID + " outlived " + file);
        Platform.await(DEPLOY_TIMEOUT, () -> Platform.defaultRunStore(context).equals(currentRunStore()),
                () -> "the runtime's run store is " + currentRunStore() + " after deleting " + file
                        + ", expected the default " + Platform.defaultRunStore(context));

        assertFalse(Files.exists(file));
    }

    private Path deployFolder() {
        Path folder = Platform.home(context).resolve(PlatformConfiguration.DEPLOY_FOLDER);
        assertEquals(folder.toString(), context.getProperty("felix.fileinstall.dir"));
        return folder;
    }

    /**
     * Copies {@code source} next to {@code target} under a name FileInstall ignores, then renames it, so
     * that FileInstall never reads a half-written file.
     */
    private static void moveIntoPlace(Path source, Path target) throws IOException {
        Path staging = Files.createDirectories(target.getParent().resolveSibling("staging"));
        Path copy = staging.resolve(target.getFileName());
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Returns the runtime configuration's runStore, or null when the PID has no configuration. */
    private static String runStoreProperty(ConfigurationAdmin configurationAdmin) {
        try {
            Configuration[] configurations = configurationAdmin.listConfigurations(
                    "(service.pid=" + RUNTIME_PID + ")");
            if (configurations == null) {
                return null;
            }
            Object value = configurations[0].getProperties().get("runStore");
            return value == null ? null : value.toString();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError("cannot list configurations", e);
        }
    }

    /** Returns the run store of the runner registered now, or null if none is; it changes with the configuration. */
    private Path currentRunStore() {
        return Platform.withService(context, PipelineRunner.class, PipelineRunner::runStore);
    }
}
