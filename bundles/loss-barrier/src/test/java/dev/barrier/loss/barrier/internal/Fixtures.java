package dev.barrier.loss.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.config.ConfigLocation;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.projection.Projection;
import dev.barrier.extractor.conv.channel.internal.ConvChannelExtractorFactory;
import dev.barrier.extractor.conv.patch.internal.ConvPatchExtractorFactory;
import dev.barrier.extractor.linear.internal.LinearExtractorFactory;

import java.util.Map;
import java.util.Random;

/** Extractors, synthetic statistics and parameter helpers shared by the tests of the protection loss. */
final class Fixtures {

    static final ActivationExtractor LINEAR = new LinearExtractorFactory().create(empty(), null);
    static final ActivationExtractor CONV_CHANNEL = new ConvChannelExtractorFactory().create(empty(), null);
    static final ActivationExtractor CONV_PATCH = new ConvPatchExtractorFactory().create(empty(), null);

    private Fixtures() {
    }

    static ConfigSection empty() {
        return ConfigSection.empty("protection", ConfigLocation.of("test"));
    }

    /** Returns a loss configured by {@code values} through the factory, with the component's defaults. */
    static BarrierLoss loss(Map<String, ?> values) {
        BarrierLossFactory factory = new BarrierLossFactory(
                new BarrierLossSettings(1.0, true, ResidualScale.PER_ROW, true, true, true));
        return (BarrierLoss) factory.create(ConfigSection.of(values, "test"), null);
    }

    /**
     * Returns a projection with random orthonormal directions: k forget directions, r = min(rows, d) − k
     * residual directions, singular values of the size a sum over {@code rows} rows has, and its residual
     * Gram matrix U_rᵀ diag(s_r²) U_r.
     */
    static Projection randomProjection(String layer, int d, int k, long rows, Random random) {
        double[][] basis = orthonormal(d, random);
        int r = (int) Math.min(rows, d) - k;
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = random.nextGaussian();
        }
        double[][] forget = new double[k][];
        double[] forgetValues = new double[k];
        for (int i = 0; i < k; i++) {
            forget[i] = basis[i];
            forgetValues[i] = Math.sqrt(rows) * (3 - i * 0.1);
        }
        double[] residualValues = new double[r];
        for (int i = 0; i < r; i++) {
            residualValues[i] = Math.sqrt(rows) * (1 + random.nextDouble());
        }
        double[] gram = residualGram(java.util.Arrays.copyOfRange(basis, k, k + r), residualValues);
        return new Projection(layer, "random", rows, mean, forget, forgetValues, residualValues, r > 0 ? gram : null,
                r, false);
    }

    /** Returns U_rᵀ diag(s²) U_r, d×d row-major. */
    static double[] residualGram(double[][] directions, double[] singularValues) {
        int d = directions.length == 0 ? 0 : directions[0].length;
        double[] gram = new double[d * d];
        for (int n = 0; n < directions.length; n++) {
            double weight = singularValues[n] * singularValues[n];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    gram[i * d + j] += weight * directions[n][i] * directions[n][j];
                }
            }
        }
        return gram;
    }

    /** Returns d orthonormal rows of length d from Gram-Schmidt on Gaussian vectors. */
    static double[][] orthonormal(int d, Random random) {
        double[][] rows = new double[d][d];
        for (int i = 0; i < d; i++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[j] * rows[p][j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= dot * rows[p][j];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                rows[i][j] = v[j] / norm;
            }
        }
        return rows;
    }

    /** Adds Gaussian noise of standard deviation {@code scale} to every parameter, in place. */
    static void perturb(NetworkModel model, double scale, Random random) {
        for (Parameter parameter : model.parameters().values()) {
            NDArray array = parameter.getArray();
            float[] values = array.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) (scale * random.nextGaussian());
            }
            array.set(values);
        }
    }

    /** Returns every parameter's values, by name. */
    static Map<String, float[]> values(NetworkModel model) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        model.parameters().forEach((name, parameter) -> out.put(name, parameter.getArray().toFloatArray()));
        return out;
    }

    /** Sets every parameter to the values in {@code values}. */
    static void restore(NetworkModel model, Map<String, float[]> values) {
        model.parameters().forEach((name, parameter) -> parameter.getArray().set(values.get(name)));
    }
}
