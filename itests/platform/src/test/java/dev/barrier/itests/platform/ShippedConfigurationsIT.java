package dev.barrier.itests.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.runtime.PipelineRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Every pipeline file shipped in the distribution's {@code config/} folder validates against the plug-ins
 * the distribution installs, so no example a user copies from the README fails on a misspelt key.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShippedConfigurationsIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void shippedPipelinesValidate() throws Exception {
        PipelineRunner runner = Platform.service(context, PipelineRunner.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));
        List<Path> files;
        try (Stream<Path> listing = Files.list(PlatformConfiguration.distribution().resolve("config"))) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse("the distribution ships no pipeline files in config/", files.isEmpty());

        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                runner.validate(file);
            } catch (ConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals("shipped pipelines with problems", List.of(), problems);
    }
}
