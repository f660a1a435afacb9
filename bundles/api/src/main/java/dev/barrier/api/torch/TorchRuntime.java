package dev.barrier.api.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.util.concurrent.Callable;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The loaded tensor engine. Registered once the engine is ready; a bundle that references this service can
 * create tensors without any class loader set-up of its own.
 */
@ProviderType
public interface TorchRuntime {

    /** Returns the engine (PyTorch through DJL). */
    Engine engine();

    /** Returns the device new managers use: a GPU when the engine has one, else the CPU. */
    Device device();

    /** Creates a root manager on {@link #device()}; the caller closes it. */
    NDManager newManager();

    /** Returns a short description such as {@code PyTorch 2.7.1 (DJL 0.36.0) on cpu(), 2 threads}. */
    String describe();

    /**
     * Runs {@code task} with the thread context class loader set to DJL's, for the rare DJL calls that
     * discover resources (model zoos, engine-specific loaders). Plain tensor code does not need it.
     *
     * @throws Exception whatever {@code task} throws
     */
    <T> T callInEngineContext(Callable<T> task) throws Exception;
}
