package dev.barrier.report.internal;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a made-up class-wise run on Fashion-MNIST, built from the API's value types: the original
 * model, retraining (the reference), a protected method with a certificate of two layers, a method that
 * diverged and one that failed. All numbers are invented for the tests.
 */
final class SampleResults {

    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("UA", "UA", "%", true, true, "Unlearning accuracy: 100 minus the accuracy on the forget set."),
            new MetricSpec("RA", "RA", "%", true, true, "Accuracy on the retain set."),
            new MetricSpec("TA", "TA", "%", true, true, "Accuracy on the test set."),
            new MetricSpec("MIA", "MIA-efficacy", "%", true, true, "Forget images called non-members."),
            new MetricSpec("avgGap", "Avg. Gap", "", false, false, "Mean absolute difference to retraining."));

    private SampleResults() {
    }

    static double[] perClass(double offset) {
        double[] values = new double[CLASSES.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = Math.min(100, 80 + 2 * c + offset);
        }
        return values;
    }

    static Map<String, Double> metrics(double ua, double ra, double ta, double mia, Double gap) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("UA", ua);
        metrics.put("RA", ra);
        metrics.put("TA", ta);
        metrics.put("MIA", mia);
        if (gap != null) {
            metrics.put("avgGap", gap);
        }
        return metrics;
    }

    static LayerCertificate certificate(String layer, double bound, double driftMean, double driftMax,
            List<String> notes) {
        return new LayerCertificate(layer, 64, bound, 0.0031, 54000, 0.25, 0.7, 0.05, driftMean, driftMax, Double.NaN,
                notes);
    }

    static ModelResult original() {
        return new ModelResult("original", "Original", "", MethodStatus.COMPLETED, "", 61.25,
                metrics(6.72, 95.104, 91.6, 12.0, null), Map.of("perClassAccuracy", perClass(0)), List.of(),
                Map.of("trainingSource", "trained in this run"), List.of());
    }

    static ModelResult retrain() {
        return new ModelResult("retrain", "Retrain", "retrain", MethodStatus.COMPLETED, "", 185.0,
                metrics(100, 95.456, 92.345, 100, 0.0), Map.of("perClassAccuracy", perClass(1)), List.of(),
                Map.of("epochs", 3), List.of());
    }

    static ModelResult barrier() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", "barrier");
        settings.put("lambda", 10.0);
        settings.put("learningRate", 0.001);
        Map<String, Object> projection = new LinkedHashMap<>();
        projection.put("strategy", "svd");
        projection.put("reducedDim", 32);
        settings.put("projection", projection);
        settings.put("targets", List.of("fc1", "fc2"));
        settings.put("epochLosses", List.of(0.25, 0.125));
        double[] perClass = perClass(-2);
        perClass[3] = Double.NaN;
        return new ModelResult("barrier", "BARRIER <λ=10>", "barrier", MethodStatus.COMPLETED, "", 42.5,
                metrics(85.5, 92.75, 90.1234, 98.8, 4.5), Map.of("perClassAccuracy", perClass),
                List.of(certificate("fc1", 0.012345, 0.0008, 0.0021, List.of("residual directions are not covered")),
                        certificate("fc2", 1.5, 0.02, 0.09, List.of())),
                settings, List.of("MIA: note about the shadow set"));
    }

    static ModelResult diverged() {
        return new ModelResult("ga", "Gradient ascent", "barrier", MethodStatus.DIVERGED,
                "loss is NaN (epoch 2, step 12)", 3.25, Map.of(), Map.of(),
                List.of(certificate("fc2", 50, 0.0004, 0.001, List.of())), Map.of("loss", "ga"), List.of());
    }

    static ModelResult failed() {
        return new ModelResult("ft", "Fine-tuning", "ft", MethodStatus.FAILED,
                "IllegalStateException: out of memory | retry with a smaller batch", 0.5, Map.of(), Map.of(),
                List.of(), Map.of(), List.of());
    }

    static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", "/usr/share/datasets/fashion-mnist");
        data.put("train", 60000);
        data.put("test", 10000);
        data.put("imageShape", List.of(1, 28, 28));
        data.put("classes", CLASSES);
        data.put("scenario", "class 0 (T-shirt/top)");
        data.put("forgottenClasses", List.of(0));
        data.put("forget", 6000);
        data.put("retain", 54000);
        data.put("testUsed", 9000);
        data.put("testForget", 1000);
        return data;
    }

    /** Returns the results with the given reporters listed in the configuration. */
    static RunResults results(String... reporters) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("engine", "PyTorch 2.7.1 (DJL 0.36.0) on cpu(), 2 threads");
        environment.put("java", "OpenJDK 64-Bit Server VM 17.0.15");
        environment.put("processors", 2);
        environment.put("seed", 42L);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("reporters", java.util.Arrays.stream(reporters).map(r -> Map.of("reporter", r)).toList());
        return new RunResults("20260301-140509-demo", "fashion-mnist class-wise", Instant.parse("2026-03-01T14:05:09Z"),
                Instant.parse("2026-03-01T14:10:31Z"), environment, data(), configuration, METRICS, original(),
                List.of(retrain(), barrier(), diverged(), failed()), List.of());
    }

    /** Returns results without per-class accuracy, percentage metrics or class names. */
    static RunResults withoutOptionalData() {
        ModelResult original = new ModelResult("original", "Original", "", MethodStatus.COMPLETED, "", 1, Map.of(),
                Map.of(), List.of(), Map.of(), List.of());
        ModelResult barrier = barrier();
        ModelResult bare = new ModelResult(barrier.id(), barrier.label(), barrier.plugin(), barrier.status(), "",
                barrier.seconds(), Map.of(), Map.of(), barrier.certificate(), Map.of(), List.of());
        return new RunResults("run", "", Instant.parse("2026-03-01T14:05:09Z"), Instant.parse("2026-03-01T14:05:10Z"),
                Map.of(), Map.of(), Map.of(), List.of(), original, List.of(bare, failed()), List.of());
    }
}
