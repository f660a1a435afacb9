/**
 * Linear algebra for the statistics of activation rows, in double precision.
 *
 * <p>{@link dev.barrier.linalg.StreamingMoments} merges per-batch counts, means and centred Gram matrices with
 * the pairwise update of Chan, Golub and LeVeque, so that the statistics of any number of rows take O(d²)
 * memory. {@link dev.barrier.linalg.SymmetricEigen} and {@link dev.barrier.linalg.RandomizedSvd} find the
 * principal directions of a Gram matrix (exactly, or only the top ones by a randomized range finder), and
 * {@link dev.barrier.linalg.SignRule} fixes the sign of each direction so that results do not depend on the
 * library. {@link dev.barrier.linalg.Quantiles} computes type-7 quantiles by selection,
 * {@link dev.barrier.linalg.ProjectionFits} turns eigenpairs into a {@link dev.barrier.api.projection.Projection},
 * and {@link dev.barrier.linalg.Certificates} with {@link dev.barrier.linalg.CertificateAccumulator} compute
 * what can be stated about a changed layer over its protected region.
 *
 * <p>Matrices are passed as row-major {@code double[]} of length rows × columns, or as {@code double[][]}
 * where each inner array is one row. The decompositions use EJML, which this bundle embeds privately.
 */
@Export
@Version("1.0.0")
package dev.barrier.linalg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
