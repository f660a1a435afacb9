package dev.barrier.itests.platform;

import static org.junit.Assert.assertTrue;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.plugin.PluginKind;

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
import org.osgi.framework.BundleContext;

/** The distribution provides at least one plug-in of every kind a pipeline can name. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginCoverageIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void everyKindHasProvider() throws InterruptedException {
        PluginCatalog catalog = Platform.service(context, PluginCatalog.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));

        List<String> missing = PluginKind.values().stream()
                .filter(kind -> catalog.names(kind).isEmpty())
                .map(PluginKind::id)
                .toList();

        String installed = catalog.plugins().stream()
                .map(p -> p.kind() + " " + p.name())
                .collect(Collectors.joining(", "));
        assertTrue("no plug-in of kind(s) " + String.join(", ", missing) + "; installed: "
                + (installed.isEmpty() ? "none" : installed), missing.isEmpty());
    }
}
