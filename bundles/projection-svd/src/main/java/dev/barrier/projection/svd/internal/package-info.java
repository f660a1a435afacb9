/**
 * The {@code svd} projection strategy: the exact symmetric eigendecomposition of the forget rows' centred Gram
 * matrix G, whose eigenvectors are the right singular vectors of the centred row matrix. The top k become the
 * forget directions U_f, with the sign rule applied; the rest form the residual, kept as its singular values and
 * as the residual Gram matrix G_r = G − U_fᵀ diag(s_f²) U_f.
 */
package dev.barrier.projection.svd.internal;
