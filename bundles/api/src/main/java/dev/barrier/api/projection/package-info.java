/**
 * Statistics of the forget set's activations and the projections fitted to them.
 *
 * <p>For a target layer with activation rows x ∈ ℝ^d, {@link dev.barrier.api.projection.ActivationStatistics}
 * holds the row count N, the mean μ and the centred Gram matrix G = Σ (x − μ)(x − μ)ᵀ, accumulated in double
 * precision. A {@link dev.barrier.api.projection.ProjectionStrategy} splits ℝ^d into the top-k principal
 * directions U_f (the forget subspace) and the rest, keeping the residual Gram matrix
 * G_r = G − U_fᵀ diag(s_f²) U_f that the residual term of the protection loss needs.
 *
 * <p>Sign rule: each direction is flipped so that its entry of largest magnitude is positive (entries within
 * 1e-9 relative of the largest count as ties, and the lowest index among ties wins), so results do not
 * depend on the linear algebra library.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.projection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
