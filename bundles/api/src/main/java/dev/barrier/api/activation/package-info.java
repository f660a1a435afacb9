/**
 * Activation extractors: they turn a target layer's input tensor into activation rows, and the layer's
 * weight into the matrix that acts on those rows, so that the layer is a linear map row by row.
 *
 * <p>A Linear layer's rows are its input vectors. A Conv2d layer has two row forms: {@code channel} rows (one
 * per input pixel, holding its C_in values; exact only for 1x1 kernels) and {@code patch} rows (one per
 * output position, holding the unfolded C_in·kH·kW patch, exact for any kernel). A grouped convolution is
 * one linear map per group, each with its own rows.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.activation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
