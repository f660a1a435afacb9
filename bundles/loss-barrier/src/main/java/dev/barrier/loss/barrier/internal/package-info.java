/**
 * The {@code barrier} protection loss: for each target layer, a mean term, a residual term and an interval
 * term that penalise how far the layer's response around the forget activations moved since the weights
 * were snapshotted, computed from the weights alone on DJL arrays so that gradients reach the target weights
 * and biases. Not exported; the loss is reached through its factory service.
 */
package dev.barrier.loss.barrier.internal;
