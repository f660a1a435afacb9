/**
 * Protected regions in projected space, the builders that fit them, and the certificates they support.
 *
 * <p>An {@link dev.barrier.api.region.IntervalRegion} wraps the forget rows' projections z = U_f (x − μ) in a
 * forget box [a, b] (per-direction quantiles) inside an outer box [L, H]; the protected region lies between
 * the two. Because a linear map takes its extremes over a box at its vertices, interval arithmetic gives the
 * exact worst-case change of a layer over the protected region, which is what a
 * {@link dev.barrier.api.region.LayerCertificate} reports.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
