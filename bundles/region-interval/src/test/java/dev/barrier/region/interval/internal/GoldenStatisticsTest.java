package dev.barrier.region.interval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionInput;
import dev.barrier.linalg.StreamingMoments;
import dev.barrier.projection.identity.internal.IdentityProjectionFactory;
import dev.barrier.projection.svd.internal.SvdProjectionFactory;
import dev.barrier.testing.GoldenCase;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Fits statistics, projections and regions to the reference cases and compares them with the reference values.
 *
 * <p>The reference values are the {@code fitted} entries of the JSON files under
 * {@code golden/protection-loss/} in the test-support module, read through {@link GoldenCase}. They were computed
 * by the method's reference implementation (the authors' PyTorch code, torch 1.13, float32 statistics) on a small
 * model: conv1 → ReLU → conv2 → ReLU → global average pool → fc. Tensors are compared with
 * {@link GoldenCase#compare}: every element within 1e-4 × max(|golden element|, 1e-2 × largest |golden element|).
 *
 * <p>For each case and each fitted layer the test takes the layer's forget inputs as activation rows (fc: one row
 * per sample; conv2: one row per pixel holding its C channel values, [N, C, H, W] read as [N·H·W, C]), merges
 * them with {@link StreamingMoments} in batches, fits the projection the case's options name ({@code skip_svd}:
 * the identity projection; otherwise {@code svd} with {@code reduced_dim}), projects the forget rows, and builds
 * the region with the case's percentiles, infinity scale and bounds ({@code use_actual_bounds}: {@code actual},
 * with the retain rows projected with the forget mean and directions), in {@code corner} mode.
 *
 * <p>{@code linear_remove_top}: the reference removes the top {@code reduced_dim} directions, keeps no forget
 * directions (its projector is zero and it has no box) and uses directions k+1 … min(N, d) as the residual. The
 * platform implements that ablation as "no interval term" with the usual {@code svd} fit, which gives the same
 * loss, because the mean term and the residual term (directions k+1 …) are unchanged. So for this case the test
 * compares the mean and the residual singular values, and checks that the reference's projector is zero and its
 * boxes are empty. The platform's projector and boxes are not compared.
 */
class GoldenStatisticsTest {

    /** The names of the reference cases. */
    static final List<String> CASES = GoldenCase.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void fittedStatisticsMatchReference(String name) {
        GoldenCase golden = GoldenCase.load(name);
        Map<String, Object> options = golden.options();
        boolean removeTop = golden.flag("remove_top_directions");

        for (GoldenCase.Fitted fitted : golden.fitted()) {
            String layer = fitted.layer();
            double[][] forgetRows = rows(golden.layerInputForget(layer));

            StreamingMoments moments = new StreamingMoments(forgetRows[0].length);
            for (int start = 0; start < forgetRows.length; start += 5) {
                moments.addRows(Arrays.copyOfRange(forgetRows, start, Math.min(start + 5, forgetRows.length)));
            }
            Projection projection = strategy(golden).fit(moments.toStatistics(layer, 0));

            String where = name + "/" + layer + ": ";
            assertNull(GoldenCase.compare(where + "mu", fitted.mu(), projection.mean()));
            assertNull(GoldenCase.compare(where + "residual_singular_values", fitted.residualSingularValues(),
                    projection.residualSingularValues()));
            if (removeTop) {
                assertReferenceKeepsNoForgetDirections(where, fitted);
                continue;
            }
            assertNull(GoldenCase.compare(where + "forget_projector", fitted.forgetProjector(),
                    projection.forgetProjector()));

            IntervalRegion region = region(golden, options, projection, forgetRows);
            double[] zWidth = new double[region.dimension()];
            double[] infWidth = new double[region.dimension()];
            for (int i = 0; i < zWidth.length; i++) {
                zWidth[i] = region.forgetHigh()[i] - region.forgetLow()[i];
                infWidth[i] = region.outerHigh()[i] - region.outerLow()[i];
            }
            assertNull(GoldenCase.compare(where + "z_width", fitted.zWidth(), zWidth));
            assertNull(GoldenCase.compare(where + "inf_width", fitted.infWidth(), infWidth));
        }
    }

    private static ProjectionStrategy strategy(GoldenCase golden) {
        if (golden.flag("skip_svd")) {
            return new IdentityProjectionFactory().create(ConfigSection.of(Map.of(), golden.name()), null);
        }
        int reducedDim = (int) golden.option("reduced_dim", Double.NaN);
        return new SvdProjectionFactory().create(ConfigSection.of(Map.of("reducedDim", reducedDim), golden.name()),
                null);
    }

    private static IntervalRegion region(GoldenCase golden, Map<String, Object> options, Projection projection,
            double[][] forgetRows) {
        boolean actual = golden.flag("use_actual_bounds");
        Map<String, Object> settings = Map.of(
                "lowerPercentile", options.get("lower_percentile"),
                "upperPercentile", options.get("upper_percentile"),
                "infinityScale", options.get("infinity_scale"),
                "bounds", actual ? "actual" : "scale",
                "mode", "corner");
        IntervalRegionBuilder builder = (IntervalRegionBuilder) new IntervalRegionBuilderFactory()
                .create(ConfigSection.of(settings, golden.name()), null);

        double[][] forgetColumns = columns(projection, forgetRows);
        double[] retainMin = null;
        double[] retainMax = null;
        if (actual) {
            double[][] retainColumns = columns(projection, rows(golden.layerInputRemain(projection.layer())));
            retainMin = new double[retainColumns.length];
            retainMax = new double[retainColumns.length];
            for (int i = 0; i < retainColumns.length; i++) {
                retainMin[i] = Arrays.stream(retainColumns[i]).min().orElseThrow();
                retainMax[i] = Arrays.stream(retainColumns[i]).max().orElseThrow();
            }
        }
        return builder.build(new RegionInput(projection, forgetColumns, retainMin, retainMax));
    }

    private static void assertReferenceKeepsNoForgetDirections(String where, GoldenCase.Fitted fitted) {
        assertEquals(0, fitted.zWidth().size(), where + "reference z_width");
        assertEquals(0, fitted.infWidth().size(), where + "reference inf_width");
        assertFalse(Arrays.stream(fitted.forgetProjector().data()).anyMatch(v -> v != 0),
                where + "reference forget_projector should be zero");
    }

    /** Projects rows and returns the projections by direction: [k][N]. */
    private static double[][] columns(Projection projection, double[][] rows) {
        double[][] columns = new double[projection.reducedDim()][rows.length];
        for (int n = 0; n < rows.length; n++) {
            double[] z = projection.project(rows[n]);
            for (int i = 0; i < z.length; i++) {
                columns[i][n] = z[i];
            }
        }
        return columns;
    }

    /** Returns activation rows: [N, d] as is, [N, C, H, W] as one row of C channel values per pixel. */
    private static double[][] rows(GoldenCase.Tensor tensor) {
        long[] shape = tensor.shape();
        if (shape.length == 2) {
            return tensor.rows();
        }
        if (shape.length != 4) {
            throw new IllegalArgumentException("expected a layer input of 2 or 4 dimensions, got shape "
                    + Arrays.toString(shape));
        }
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int pixels = (int) (shape[2] * shape[3]);
        double[][] rows = new double[n * pixels][channels];
        for (int sample = 0; sample < n; sample++) {
            for (int c = 0; c < channels; c++) {
                int offset = (sample * channels + c) * pixels;
                for (int p = 0; p < pixels; p++) {
                    rows[sample * pixels + p][c] = tensor.at(offset + p);
                }
            }
        }
        return rows;
    }
}
