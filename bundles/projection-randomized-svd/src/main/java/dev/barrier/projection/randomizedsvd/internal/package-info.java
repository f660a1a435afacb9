/**
 * The {@code randomized-svd} projection strategy: the top k eigenvectors of the forget rows' centred Gram matrix
 * G found by a randomized range finder (Halko, Martinsson and Tropp) with oversampling and power iterations. It
 * costs O(d²k) instead of O(d³), for wide layers such as convolution patches where only the top directions are
 * needed. The residual is kept as the residual Gram matrix G_r = G − U_fᵀ diag(s_f²) U_f; its singular values
 * are not computed.
 */
package dev.barrier.projection.randomizedsvd.internal;
