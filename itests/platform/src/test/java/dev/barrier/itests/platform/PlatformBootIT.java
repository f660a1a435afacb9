package dev.barrier.itests.platform;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.plugin.PluginCatalog;
import dev.barrier.api.runtime.PipelineRunner;
import dev.barrier.api.torch.TorchRuntime;
import dev.barrier.cli.spi.CommandLineService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The platform starts with every bundle of the distribution and offers its services. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformBootIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void everyBundleIsActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            int expected = Platform.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " is " + Platform.stateName(bundle.getState())
                        + ", expected " + Platform.stateName(expected));
            }
        }

        assertTrue(String.join("; ", problems), problems.isEmpty());
    }

    @Test
    public void everySystemJarIsInstalled() {
        Path distribution = PlatformConfiguration.distribution();
        Set<String> locations = Arrays.stream(context.getBundles()).map(Bundle::getLocation)
                .collect(Collectors.toSet());

        List<String> missing = PlatformConfiguration.systemBundles(distribution).stream()
                .map(jar -> "reference:" + jar.toUri())
                .filter(location -> !locations.contains(location))
                .toList();

        assertTrue("not installed: " + missing, missing.isEmpty());
    }

    @Test
    public void platformComponentsAreSatisfied() throws InterruptedException {
        ServiceComponentRuntime scr = Platform.service(context, ServiceComponentRuntime.class);
        Platform.awaitQuiet(context, Duration.ofMillis(500), Duration.ofSeconds(10));

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("dev.barrier.")) {
                continue;
            }
            checked++;
            String component = description.name + " (" + description.bundle.symbolicName + ")";
            if (!scr.isComponentEnabled(description)) {
                problems.add(component + " is disabled");
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(component + " has no configuration");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                problems.addAll(describeProblem(component, configuration));
            }
        }

        assertTrue("no DS components found in dev.barrier bundles", checked > 0);
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    private static List<String> describeProblem(String component, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.ACTIVE:
            case ComponentConfigurationDTO.SATISFIED:
                return List.of();
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return List.of(component + " failed to activate: " + configuration.failure);
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return List.of(component + " has unsatisfied references: "
                        + Arrays.stream(configuration.unsatisfiedReferences)
                                .map(r -> r.name + " " + r.target).collect(Collectors.joining(", ")));
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return List.of(component + " is waiting for a configuration");
            default:
                return List.of(component + " is in state " + configuration.state);
        }
    }

    @Test
    public void runtimeServicesAreRegistered() throws Exception {
        assertNotNull(Platform.service(context, PluginCatalog.class));
        assertNotNull(Platform.service(context, PipelineRunner.class));
        assertNotNull(Platform.service(context, CommandLineService.class));

        Platform.await(Duration.ofSeconds(10),
                () -> shellCommands().length > 0,
                () -> "no Gogo commands in the 'barrier' scope are registered");
        Object functions = shellCommands()[0].getProperty("osgi.command.function");
        List<String> names = functions instanceof String[] array ? List.of(array) : List.of(String.valueOf(functions));
        assertTrue("barrier commands: " + names,
                names.containsAll(List.of("run", "validate", "list", "runs", "show", "cancel")));
    }

    private ServiceReference<?>[] shellCommands() {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(osgi.command.scope=barrier)");
            return references == null ? new ServiceReference<?>[0] : references;
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void torchRuntimeComputes() throws InterruptedException {
        TorchRuntime torch = Platform.service(context, TorchRuntime.class);

        try (NDManager manager = torch.newManager()) {
            NDArray matrix = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray product = matrix.matMul(matrix);

            assertEquals(new Shape(2, 2), product.getShape());
            // [[1, 2], [3, 4]]² = [[7, 10], [15, 22]], exact in float32.
            assertArrayEquals(new float[] {7, 10, 15, 22}, product.toFloatArray(), 0f);
        }
        assertTrue(torch.describe(), torch.describe().startsWith("PyTorch"));
    }
}
