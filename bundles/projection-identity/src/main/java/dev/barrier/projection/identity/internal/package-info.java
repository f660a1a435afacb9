/**
 * The {@code identity} projection strategy: no projection at all. Every raw dimension of the activation rows is
 * its own forget direction (U_f = I_d, k = d), so the region's boxes are boxes in the raw activation space and
 * there is no residual.
 */
package dev.barrier.projection.identity.internal;
