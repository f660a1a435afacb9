/**
 * Access to the tensor engine (DJL with PyTorch).
 *
 * <p>DJL discovers engines and native libraries through the thread context class loader, and a native
 * library can be loaded by only one class loader per JVM. One gateway service therefore loads the engine
 * once, offline and with telemetry disabled; every bundle that computes with tensors references
 * {@link dev.barrier.api.torch.TorchRuntime} instead of calling DJL's engine discovery itself.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.torch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
