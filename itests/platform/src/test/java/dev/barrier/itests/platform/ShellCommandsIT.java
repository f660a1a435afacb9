package dev.barrier.itests.platform;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
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
 * The {@code barrier:} commands in a Gogo session. The test plug-in bundle is installed first, so that at
 * least one plug-in with a known name and bundle is there to be listed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {

    @Inject
    private BundleContext context;

    private PluginCatalog catalog;
    private CommandProcessor processor;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Before
    public void installTestPlugin() throws Exception {
        catalog = Platform.service(context, PluginCatalog.class);
        processor = Platform.service(context, CommandProcessor.class);
        if (!Platform.isInstalled(context, TestPlugin.SYMBOLIC_NAME)) {
            Bundle bundle = context.installBundle(TestPlugin.location());
            bundle.start();
        }
        Plugins.awaitPresence(catalog, PluginKind.PROJECTION, TestPlugin.STRATEGY, true);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    @Test
    public void listNamesInstalledPlugins() throws Exception {
        String listing;
        try (GogoSession session = new GogoSession(processor)) {
            listing = session.execute("barrier:list");
        }

        assertTrue(listing, listing.contains(TestPlugin.STRATEGY));
        assertTrue(listing, listing.contains(TestPlugin.SYMBOLIC_NAME));
        List<PluginDescriptor> plugins = catalog.plugins();
        for (PluginDescriptor plugin : plugins) {
            assertTrue("listing lacks " + plugin.kind() + " plug-in " + plugin.name() + ":\n" + listing,
                    listing.contains(plugin.name()));
        }
    }

    @Test
    public void listOfOneKind() throws Exception {
        String projections;
        String unknown;
        try (GogoSession session = new GogoSession(processor)) {
            projections = session.execute("barrier:list projection");
            unknown = session.execute("barrier:list nosuchkind");
        }

        assertTrue(projections, projections.contains(TestPlugin.STRATEGY));
        assertTrue(unknown, unknown.contains("Unknown plug-in kind 'nosuchkind'"));
        for (PluginKind<?> kind : PluginKind.values()) {
            assertTrue(unknown, unknown.contains(kind.id()));
        }
    }

    @Test
    public void showUnknownRunExplains() throws Exception {
        String message;
        try (GogoSession session = new GogoSession(processor)) {
            message = session.execute("barrier:show nosuchrun");
        }

        assertTrue(message, message.startsWith("No run matches 'nosuchrun'"));
        assertTrue(message, message.contains("there are no runs yet"));
        assertFalse(message, message.contains("Exception"));
    }

    @Test
    public void missingArgumentIsExplained() throws Exception {
        String show;
        String runs;
        try (GogoSession session = new GogoSession(processor)) {
            show = session.execute("barrier:show");
            runs = session.execute("barrier:runs latest");
        }

        assertTrue(show, show.startsWith("barrier:show needs RUN"));
        assertTrue(runs, runs.startsWith("barrier:runs takes no argument, got 'latest'"));
    }

    @Test
    public void validateMissingFileExplains() throws Exception {
        Path missing = Platform.home(context).resolve("no-such-pipeline.yaml");

        String validated;
        try (GogoSession session = new GogoSession(processor)) {
            validated = session.execute("barrier:validate '" + missing + "'");
        }

        assertTrue(validated, validated.startsWith("Cannot read " + missing));
    }
}
