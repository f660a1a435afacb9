package dev.barrier.torch.gateway.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.torch.TorchRuntime;

import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the PyTorch engine when the bundle starts and registers it as the {@link TorchRuntime} service.
 *
 * <p>DJL finds its engines with {@link java.util.ServiceLoader} and its native files as resources, both
 * through the thread context class loader, and fills its engine registry once, in a static initialiser.
 * The first DJL call therefore runs here, with the context class loader set to the torch library bundle's
 * class loader. Because that bundle imports only JDK packages, refreshing this bundle or the API bundle
 * leaves the loaded engine and its native libraries in place, and a re-activated gateway finds them ready.
 */
@Component(immediate = true, service = TorchRuntime.class)
public final class TorchGateway implements TorchRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(TorchGateway.class);

    /** The engine name DJL registers PyTorch under. */
    static final String ENGINE_NAME = "PyTorch";

    private final Engine engine;
    private final Device device;

    /**
     * Loads the engine.
     *
     * @throws IllegalStateException if the engine cannot be loaded (for example when the native fragment for
     *         this platform is missing); the service is then not registered
     */
    @Activate
    public TorchGateway() {
        OfflineMode.enforce();
        this.engine = loadEngine();
        this.device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        LOG.info("Tensor engine ready: {}", describe());
    }

    private static Engine loadEngine() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            Engine loaded = Engine.getEngine(ENGINE_NAME);
            // Touch the native library now rather than on the first tensor operation.
            try (NDManager manager = loaded.newBaseManager()) {
                manager.zeros(new ai.djl.ndarray.types.Shape(1));
            }
            return loaded;
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("cannot load the " + ENGINE_NAME + " engine: " + e.getMessage()
                    + ". Check that the native fragment for this platform (dev.barrier.torch-native-*) is"
                    + " installed, or that PYTORCH_LIBRARY_PATH points at a libtorch folder.", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public NDManager newManager() {
        return engine.newBaseManager(device);
    }

    @Override
    public String describe() {
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ") on "
                + device + ", " + System.getProperty("ai.djl.pytorch.num_threads",
                        String.valueOf(Runtime.getRuntime().availableProcessors())) + " threads";
    }

    @Override
    public <T> T callInEngineContext(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return task.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
