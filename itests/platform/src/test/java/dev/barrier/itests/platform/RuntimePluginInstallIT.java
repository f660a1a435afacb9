package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.PipelineRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A bundle installed while the platform runs adds a plug-in that pipelines can name at once, and removing
 * the bundle removes it again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimePluginInstallIT {

    private static final String PIPELINE = """
            name: itest-coordinate-projection
            dataset:
              provider: idx
              preset: fashion-mnist
              limitTrain: 200
              limitTest: 100
            forget:
              scenario: class
              classes: [0]
            model:
              adapter: small-cnn
              training:
                epochs: 1
                batchSize: 64
            methods:
              - method: barrier
                base: ga
                projection:
                  strategy: test-coordinate
                  reducedDim: 2
            """;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void bundleAddsAndRemovesPlugin() throws Exception {
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        assertFalse("the test plug-in is installed before the test installs it",
                catalog.names(PluginKind.PROJECTION).contains(TestPlugin.STRATEGY));

        Bundle bundle = context.installBundle(TestPlugin.location());
        PluginDescriptor descriptor;
        try {
            bundle.start();
            Plugins.awaitPresence(catalog, PluginKind.PROJECTION, TestPlugin.STRATEGY, true);
            descriptor = catalog.plugins().stream()
                    .filter(p -> p.kind().equals(PluginKind.PROJECTION) && p.name().equals(TestPlugin.STRATEGY))
                    .findFirst().orElseThrow();
        } finally {
            bundle.uninstall();
        }
        Plugins.awaitPresence(catalog, PluginKind.PROJECTION, TestPlugin.STRATEGY, false);

        assertEquals(TestPlugin.SYMBOLIC_NAME, descriptor.bundle());
        assertEquals(bundle.getVersion().toString(), descriptor.bundleVersion());
        assertFalse(descriptor.description(), descriptor.description().isBlank());
    }

    @Test
    public void installedPluginServesPipelines() throws Exception {
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
        Plugins.require(catalog, PluginKind.DATASET, "idx");
        Plugins.require(catalog, PluginKind.MODEL, "small-cnn");
        Plugins.require(catalog, PluginKind.METHOD, "barrier");
        PipelineRunner runner = Platform.service(context, PipelineRunner.class);
        Path file = Pipelines.write(Platform.home(context), "coordinate.yaml", PIPELINE);

        Bundle bundle = context.installBundle(TestPlugin.location());
        String accepted;
        try {
            bundle.start();
            Plugins.awaitPresence(catalog, PluginKind.PROJECTION, TestPlugin.STRATEGY, true);
            accepted = validate(runner, file);
        } finally {
            bundle.uninstall();
        }
        Plugins.awaitPresence(catalog, PluginKind.PROJECTION, TestPlugin.STRATEGY, false);
        List<String> remaining = catalog.names(PluginKind.PROJECTION);
        ConfigurationException rejected = rejection(runner, file);

        assertEquals("itest-coordinate-projection", accepted);
        ConfigProblem problem = rejected.problems().stream()
                .filter(p -> p.path().endsWith("projection.strategy")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at methods[0].projection.strategy: " + rejected));
        assertEquals(file.toString(), problem.location().source());
        assertEquals(Pipelines.lineOf(PIPELINE, "strategy: test-coordinate"), problem.location().line());
        assertTrue(problem.message(),
                problem.message().contains("unknown projection plug-in '" + TestPlugin.STRATEGY + "'"));
        assertFalse("no other projection strategy is installed, so the message cannot list any: " + problem.message(),
                remaining.isEmpty());
        for (String name : remaining) {
            assertTrue(problem.message(), problem.message().contains(name));
        }
    }

    /**
     * Validates {@code file}, failing with every problem found if it is invalid. The failure carries no
     * cause, because Pax Exam reports the cause of a failure in place of the failure itself.
     */
    private static String validate(PipelineRunner runner, Path file) throws Exception {
        try {
            return runner.validate(file);
        } catch (ConfigurationException e) {
            throw new AssertionError("the pipeline with the test plug-in installed is invalid:\n" + e.problems()
                    .stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        }
    }

    private static ConfigurationException rejection(PipelineRunner runner, Path file) throws Exception {
        try {
            runner.validate(file);
        } catch (ConfigurationException e) {
            return e;
        }
        fail("the pipeline naming '" + TestPlugin.STRATEGY + "' was accepted after its bundle was uninstalled");
        throw new AssertionError("unreachable");
    }
}
