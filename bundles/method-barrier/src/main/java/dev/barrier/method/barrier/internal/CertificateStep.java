package dev.barrier.method.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import dev.barrier.api.data.Subset;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.linalg.CertificateAccumulator;
import dev.barrier.nn.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Computes the certificate of each protected map after unlearning: the worst-case change over the protected
 * region from the weight change alone, and coverage and drift measured on a sample of retain images whose
 * layer inputs come from the original model (the inputs the regions were fitted for).
 */
final class CertificateStep {

    private CertificateStep() {
    }

    static List<LayerCertificate> compute(UnlearningContext context, NetworkModel original, NetworkModel unlearned,
            List<LayerFit> fits, BarrierSettings settings, RunLog log) {
        Map<String, List<Entry>> byLayer = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (LayerFit fit : fits) {
            double[][] deltaWeight = difference(weightMatrix(unlearned, fit), weightMatrix(original, fit));
            double[] deltaBias = biasDelta(original, unlearned, fit);
            List<String> notes = new ArrayList<>();
            fit.extractor.limitation(fit.layer).ifPresent(notes::add);
            Entry entry = new Entry(fit, new CertificateAccumulator(fit.projection, fit.region, deltaWeight, deltaBias,
                    notes));
            entries.add(entry);
            byLayer.computeIfAbsent(fit.layer.name(), k -> new ArrayList<>()).add(entry);
        }
        Subset sample = retainSample(context.split().retain(), settings.retainSample(),
                Seeds.derive(context.seed(), "certificate-sample"));
        if (sample.size() > 0) {
            CollectionSettings collection = new CollectionSettings(settings.collectionBatchSize(), 1,
                    Seeds.derive(context.seed(), "certificate"), 0);
            context.adapter().collectLayerInputs(original, sample, new ArrayList<>(byLayer.keySet()), collection,
                    (layer, input) -> {
                        for (Entry entry : byLayer.get(layer)) {
                            NDArray rows = entry.fit.extractor.rows(entry.fit.layer, input, entry.fit.group);
                            entry.accumulator.add(toRows(rows));
                        }
                    }, context.run());
        }
        List<LayerCertificate> certificates = new ArrayList<>();
        for (Entry entry : entries) {
            LayerCertificate certificate = entry.accumulator.certificate();
            certificates.add(certificate);
            log.info("{}: certificate for {}: worst-case change {} over the protected region; measured drift on {}"
                    + " retain rows: mean {}, max {}", settings.label(), certificate.layer(),
                    String.format(java.util.Locale.ROOT, "%.4g", certificate.bound()), certificate.retainRows(),
                    String.format(java.util.Locale.ROOT, "%.4g", certificate.driftMean()),
                    String.format(java.util.Locale.ROOT, "%.4g", certificate.driftMax()));
        }
        return certificates;
    }

    private static double[][] weightMatrix(NetworkModel model, LayerFit fit) {
        NDArray matrix = fit.extractor.weightMatrix(fit.layer, model.weight(fit.layer.name()).getArray(), fit.group);
        return toRows(matrix);
    }

    private static double[] biasDelta(NetworkModel original, NetworkModel unlearned, LayerFit fit) {
        LayerInfo layer = fit.layer;
        if (original.bias(layer.name()).isEmpty()) {
            return null;
        }
        double[] after = fit.extractor.biasVector(layer, unlearned.bias(layer.name()).get().getArray(), fit.group)
                .toType(DataType.FLOAT64, false).toDoubleArray();
        double[] before = fit.extractor.biasVector(layer, original.bias(layer.name()).get().getArray(), fit.group)
                .toType(DataType.FLOAT64, false).toDoubleArray();
        for (int i = 0; i < after.length; i++) {
            after[i] -= before[i];
        }
        return after;
    }

    private static double[][] difference(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] - b[i][j];
            }
        }
        return out;
    }

    /** Copies a 2-D array into Java rows, in float64. */
    static double[][] toRows(NDArray matrix) {
        long[] shape = matrix.getShape().getShape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("expected a 2-D array, got shape " + matrix.getShape());
        }
        double[] flat = matrix.toType(DataType.FLOAT64, false).toDoubleArray();
        int columns = (int) shape[1];
        double[][] rows = new double[(int) shape[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    /** Returns a seeded random sample of {@code count} images of a subset, in subset order. */
    static Subset retainSample(Subset subset, int count, long seed) {
        if (count >= subset.size()) {
            return subset;
        }
        int[] positions = new int[subset.size()];
        Arrays.setAll(positions, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(positions.length - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
        }
        int[] chosen = Arrays.copyOf(positions, count);
        Arrays.sort(chosen);
        return subset.select(subset.name() + "-sample", chosen);
    }

    private record Entry(LayerFit fit, CertificateAccumulator accumulator) {
    }
}
