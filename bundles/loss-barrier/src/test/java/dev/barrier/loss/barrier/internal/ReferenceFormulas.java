package dev.barrier.loss.barrier.internal;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;

/**
 * The protection loss of one linear map, written out with loops in double precision from the formulas of
 * the method description, independently of the DJL implementation: the tests compare the two.
 */
final class ReferenceFormulas {

    private ReferenceFormulas() {
    }

    /**
     * Returns {mean, residual, interval} for one map, each 0 when disabled or empty.
     *
     * @param weight       W [C][d]
     * @param snapshot     W₀ [C][d]
     * @param bias         b [C], or null
     * @param biasSnapshot b₀ [C], or null
     */
    static double[] terms(double[][] weight, double[][] snapshot, double[] bias, double[] biasSnapshot,
            Projection projection, IntervalRegion region, BarrierLossSettings settings) {
        int units = weight.length;
        int d = weight[0].length;
        double[][] delta = new double[units][d];
        for (int u = 0; u < units; u++) {
            for (int j = 0; j < d; j++) {
                delta[u][j] = weight[u][j] - snapshot[u][j];
            }
        }

        double mean = 0;
        if (settings.meanTerm()) {
            for (int u = 0; u < units; u++) {
                double g = bias == null ? 0 : bias[u] - biasSnapshot[u];
                for (int j = 0; j < d; j++) {
                    g += delta[u][j] * projection.mean()[j];
                }
                mean += g * g;
            }
            mean /= units;
        }

        double residual = 0;
        int r = projection.residualRank();
        if (settings.residualTerm() && r > 0) {
            double[] gram = projection.residualGram();
            for (int u = 0; u < units; u++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        residual += delta[u][i] * gram[i * d + j] * delta[u][j];
                    }
                }
            }
            residual /= (double) units * r;
            if (settings.residualScale() == ResidualScale.PER_ROW) {
                residual /= projection.rowCount();
            }
        }

        double interval = 0;
        int k = projection.reducedDim();
        if (settings.intervalTerm() && k > 0) {
            for (int u = 0; u < units; u++) {
                double[] plus = new double[k];
                double[] minus = new double[k];
                for (int i = 0; i < k; i++) {
                    double dz = 0;
                    for (int j = 0; j < d; j++) {
                        dz += delta[u][j] * projection.forgetBasis()[i][j];
                    }
                    plus[i] = Math.max(dz, 0);
                    minus[i] = Math.max(-dz, 0);
                }
                double[] low = region.outerLow();
                double[] a = region.forgetLow();
                double[] b = region.forgetHigh();
                double[] high = region.outerHigh();
                if (region.mode() == RegionMode.CORNER) {
                    interval += square(dot(plus, low) - dot(minus, a)) + square(dot(plus, a) - dot(minus, low))
                            + square(dot(plus, b) - dot(minus, high)) + square(dot(plus, high) - dot(minus, b));
                } else {
                    double lo = dot(plus, low) - dot(minus, high);
                    double hi = dot(plus, high) - dot(minus, low);
                    interval += Math.max(lo * lo, hi * hi);
                }
            }
            interval /= units;
        }
        return new double[] {mean, residual, interval};
    }

    /** Returns the sum of {@link #terms}. */
    static double total(double[][] weight, double[][] snapshot, double[] bias, double[] biasSnapshot,
            Projection projection, IntervalRegion region, BarrierLossSettings settings) {
        double sum = 0;
        for (double term : terms(weight, snapshot, bias, biasSnapshot, projection, region, settings)) {
            sum += term;
        }
        return sum;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double square(double x) {
        return x * x;
    }
}
