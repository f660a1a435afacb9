/**
 * Datasets: labelled images held in memory, subsets of them by index, and the providers that read them
 * from disk.
 *
 * <p>Pixels are kept as unsigned bytes in channel-first order (N, C, H, W), the layout of IDX and CIFAR
 * files; models convert batches to floating point themselves.
 */
@Export
@Version("1.1.0")
package dev.barrier.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
