package dev.barrier.runtime.internal.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResultsJsonTest {

    private static RunResults sample() {
        ModelResult original = new ModelResult("original", "Original", "", MethodStatus.COMPLETED, "", 12.5,
                Map.of("UA", 7.25, "TA", 91.0), Map.of("perClassAccuracy", new double[] {90, Double.NaN, 80}), List.of(),
                Map.of(), List.of());
        LayerCertificate certificate = new LayerCertificate("head", 10, 0.5, 0.1, 2000, 0.2, 0.7, 0.1, 0.01, 0.3, 0.25,
                List.of("residual directions are not bounded"));
        ModelResult barrier = new ModelResult("barrier", "BARRIER (GA)", "barrier", MethodStatus.COMPLETED, "", 30,
                Map.of("UA", 99.5, "TA", Double.NaN), Map.of(), List.of(certificate),
                Map.of("lambda", 10.0, "targets", List.of("conv2", "head")), List.of("note"));
        ModelResult diverged = new ModelResult("ga", "GA", "ga", MethodStatus.DIVERGED, "loss is NaN (epoch 1, step 9)", 3,
                Map.of(), Map.of(), List.of(), Map.of(), List.of());
        return new RunResults("20260101-000000-demo", "demo", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:10:00Z"), Map.of("java", "17"), Map.of("forget", 6000),
                Map.of("name", "demo"), List.of(new MetricSpec("UA", "UA", "%", Boolean.TRUE, true, "unlearning accuracy")),
                original, List.of(barrier, diverged), List.of("summary.md"));
    }

    @Test
    void roundTripKeepsEveryValue() throws Exception {
        RunResults results = sample();
        RunResults read = ResultsJson.read(ResultsJson.write(results));
        assertEquals(results.runId(), read.runId());
        assertEquals(results.finished(), read.finished());
        assertEquals(7.25, read.original().metrics().get("UA"));
        assertArrayEquals(new double[] {90, Double.NaN, 80}, read.original().series().get("perClassAccuracy"));
        assertEquals(MethodStatus.DIVERGED, read.methods().get(1).status());
        assertEquals("loss is NaN (epoch 1, step 9)", read.methods().get(1).detail());
        assertEquals(results.methods().get(0).certificate(), read.methods().get(0).certificate());
        assertEquals(List.of("conv2", "head"), read.methods().get(0).settings().get("targets"));
        assertEquals(results.metrics(), read.metrics());
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() throws Exception {
        String json = ResultsJson.write(sample());
        assertTrue(json.contains("\"TA\" : null"), json);
        assertTrue(!json.matches("(?s).*[:\\[,]\\s*-?(NaN|Infinity).*"), "no NaN or Infinity tokens: " + json);
    }
}
