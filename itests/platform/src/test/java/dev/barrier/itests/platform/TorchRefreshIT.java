package dev.barrier.itests.platform;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Refreshing the API bundle and the torch gateway leaves the tensor engine usable: the gateway comes back
 * with the same engine, because the torch library bundle that contains DJL and libtorch imports only JDK
 * packages and is not refreshed with them. A second load of libtorch in a new class loader would fail
 * ("already loaded in another classloader").
 *
 * <p>This class deliberately never loads a class of the API bundle: the test bundle imports packages
 * dynamically, so using an API type would wire it to the API bundle, and the refresh would then restart the
 * test bundle under the running test. It calls {@code TorchRuntime} methods reflectively instead; their
 * results are DJL types from the torch library bundle, which the refresh does not touch.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TorchRefreshIT {

    private static final String TORCH_RUNTIME = "dev.barrier.api.torch.TorchRuntime";
    private static final String API_BUNDLE = "dev.barrier.api";
    private static final String GATEWAY_BUNDLE = "dev.barrier.torch-gateway";
    private static final String TORCH_BUNDLE = "dev.barrier.torch";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformConfiguration.platform(getClass());
    }

    @Test
    public void torchSurvivesRefresh() throws Exception {
        Bundle api = Platform.bundle(context, API_BUNDLE);
        Bundle gateway = Platform.bundle(context, GATEWAY_BUNDLE);
        Bundle torch = Platform.bundle(context, TORCH_BUNDLE);
        FrameworkWiring frameworkWiring =
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        ServiceReference<?> before = Platform.serviceReference(context, TORCH_RUNTIME);
        Engine engineBefore = computeWith(before);
        BundleWiring apiWiring = api.adapt(BundleWiring.class);
        BundleWiring torchWiring = torch.adapt(BundleWiring.class);

        Collection<Bundle> closure = frameworkWiring.getDependencyClosure(List.of(api, gateway));
        assertFalse("refreshing " + API_BUNDLE + " would refresh " + TORCH_BUNDLE + ": " + names(closure),
                closure.contains(torch));
        assertFalse("refreshing " + API_BUNDLE + " would refresh the test bundle: " + names(closure),
                closure.contains(Platform.probe()));

        List<FrameworkEvent> errors = refresh(frameworkWiring, List.of(api, gateway));
        ServiceReference<?> after = Platform.serviceReference(context, TORCH_RUNTIME);
        Engine engineAfter = computeWith(after);

        assertTrue("framework errors during the refresh: " + errors, errors.isEmpty());
        assertNotSame("the API bundle was not refreshed", apiWiring, api.adapt(BundleWiring.class));
        assertSame("the torch library bundle was refreshed", torchWiring, torch.adapt(BundleWiring.class));
        assertTrue(torchWiring.isCurrent());
        assertNotEquals("the TorchRuntime service was not registered anew", before.getProperty(Constants.SERVICE_ID),
                after.getProperty(Constants.SERVICE_ID));
        assertSame("the gateway loaded a second engine", engineBefore, engineAfter);
        assertEquals(Bundle.ACTIVE, gateway.getState());
    }

    /** Refreshes {@code bundles}, waits for the refresh to finish and returns the framework errors it caused. */
    private List<FrameworkEvent> refresh(FrameworkWiring wiring, List<Bundle> bundles) throws InterruptedException {
        List<FrameworkEvent> errors = new ArrayList<>();
        FrameworkListener errorListener = event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                synchronized (errors) {
                    errors.add(event);
                }
            }
        };
        CountDownLatch refreshed = new CountDownLatch(1);
        context.addFrameworkListener(errorListener);
        try {
            wiring.refreshBundles(bundles, event -> {
                if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            assertTrue("the refresh did not finish within 60 s", refreshed.await(60, TimeUnit.SECONDS));
        } finally {
            context.removeFrameworkListener(errorListener);
        }
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /**
     * Multiplies a 2×2 matrix by itself with the service behind {@code reference}, checks the product and
     * returns the service's engine.
     */
    private Engine computeWith(ServiceReference<?> reference) throws ReflectiveOperationException {
        Object torchRuntime = context.getService(reference);
        try {
            try (NDManager manager = (NDManager) call(torchRuntime, "newManager")) {
                NDArray matrix = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
                // [[1, 2], [3, 4]]² = [[7, 10], [15, 22]], exact in float32.
                assertArrayEquals(new float[] {7, 10, 15, 22}, matrix.matMul(matrix).toFloatArray(), 0f);
            }
            return (Engine) call(torchRuntime, "engine");
        } finally {
            context.ungetService(reference);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            throw new AssertionError("TorchRuntime." + method + "() failed: " + e.getCause());
        }
    }

    private static List<String> names(Collection<Bundle> bundles) {
        return bundles.stream().map(Bundle::getSymbolicName).toList();
    }
}
