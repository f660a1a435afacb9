package dev.barrier.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static ModelResult row(MethodStatus status, String detail) {
        return new ModelResult("m", "M", "p", status, detail, 1, Map.of(), Map.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void statusNamesStepOfDivergence() {
        assertEquals("completed", Formats.status(row(MethodStatus.COMPLETED, "")));
        assertEquals("diverged at step 120: all retain predictions are class 3 (epoch 4)",
                Formats.status(row(MethodStatus.DIVERGED, "all retain predictions are class 3 (epoch 4, step 120)")));
        assertEquals("diverged: weights became infinite", Formats.status(row(MethodStatus.DIVERGED,
                "weights became infinite")));
        assertEquals("failed: IllegalArgumentException: bad layer", Formats.status(row(MethodStatus.FAILED,
                "IllegalArgumentException: bad layer")));
        assertEquals("failed", Formats.status(row(MethodStatus.FAILED, "")));
    }

    @Test
    void numbersAndDurations() {
        assertEquals("97.46", Formats.metric(97.456));
        assertEquals("0.00", Formats.metric(-0.001));
        assertEquals("n/a", Formats.metric(Double.NaN));
        assertEquals("n/a", Formats.metric(null));
        assertEquals("25.00", Formats.percentOfFraction(0.25));
        assertEquals("0.01235", Formats.quantity(0.012345));
        assertEquals("1.235e-05", Formats.quantity(0.000012345));
        assertEquals("0", Formats.quantity(0));
        assertEquals("59.9 s", Formats.duration(59.94));
        assertEquals("1 min 00 s", Formats.duration(60));
        assertEquals("2 h 03 min", Formats.duration(2 * 3600 + 3 * 60 + 10));
        assertEquals("n/a", Formats.duration(Double.NaN));
    }

    @Test
    void settingValuesStayReadable() {
        assertEquals("0.001", Formats.value(0.001));
        assertEquals("10", Formats.value(10.0));
        assertEquals("0.1", Formats.value(0.1f));
        assertEquals("1.0E-9", Formats.value(1e-9));
        assertEquals("none", Formats.value(null));
        assertEquals("true", Formats.value(true));
    }

    @Test
    void tableRowsMustMatchHeader() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Document.Table(List.of("a", "b"), List.of(false, true), List.of(List.of("1"))));
        assertEquals("expected 2 cells per row, got 1: [1]", error.getMessage());
    }

    @Test
    void markdownEscapesMarkup() {
        assertEquals("a \\| b \\*c\\* \\<d\\> e", MarkdownRenderer.escape("a | b *c* <d>\ne"));
        assertEquals("[a\\](b) and [fc1, fc2]", MarkdownRenderer.escape("[a](b) and [fc1, fc2]"));
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", HtmlRenderer.escape("<b> & \"x\" 'y'"));
    }
}
