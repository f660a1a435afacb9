package dev.barrier.report.internal;

import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text forms of numbers, times and statuses shared by the summaries. */
final class Formats {

    /** The text shown for a missing or non-numeric value. */
    static final String MISSING = "n/a";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The ending of {@link dev.barrier.api.model.Divergence#toString()}: "reason (epoch E, step S)". */
    private static final Pattern DIVERGENCE = Pattern.compile("(?s)(.*) \\(epoch (\\d+), step (\\d+)\\)");

    private Formats() {
    }

    /** Returns a metric value with two decimals, or {@value #MISSING}. */
    static String metric(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return MISSING;
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /** Returns a fraction from 0 to 1 as a percentage with two decimals, or {@value #MISSING}. */
    static String percentOfFraction(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f", 100 * fraction) : MISSING;
    }

    /** Returns a physical quantity with four significant digits, or {@value #MISSING}. */
    static String quantity(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Returns a wall time: "12.3 s", "4 min 05 s" or "2 h 03 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return MISSING;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
    }

    /** Returns a time in UTC, such as {@code 2026-03-01 14:05:09 UTC}, or {@value #MISSING}. */
    static String time(Instant instant) {
        return instant == null ? MISSING : TIME.format(instant);
    }

    /**
     * Returns a row's status: "completed", "diverged at step N: reason (epoch E)" or "failed: message". A
     * divergence detail that does not end like {@link dev.barrier.api.model.Divergence#toString()} is quoted
     * whole after "diverged: ".
     */
    static String status(ModelResult row) {
        String detail = row.detail() == null ? "" : row.detail().strip();
        if (row.status() == MethodStatus.COMPLETED) {
            return "completed";
        }
        if (row.status() == MethodStatus.FAILED) {
            return detail.isEmpty() ? "failed" : "failed: " + detail;
        }
        Matcher matcher = DIVERGENCE.matcher(detail);
        if (matcher.matches()) {
            return "diverged at step " + matcher.group(3) + ": " + matcher.group(1) + " (epoch " + matcher.group(2)
                    + ")";
        }
        return detail.isEmpty() ? "diverged" : "diverged: " + detail;
    }

    /**
     * Returns a setting or description value as text: numbers without exponent where that stays short,
     * {@code none} for null, everything else by {@link String#valueOf}.
     */
    static String value(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            double magnitude = Math.abs(number);
            if (Double.isFinite(number) && (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e9))) {
                // A float's own shortest decimal form, not that of its widened double (0.1f is not 0.1).
                BigDecimal decimal = value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(number);
                return decimal.stripTrailingZeros().toPlainString();
            }
            return String.valueOf(number);
        }
        return String.valueOf(value);
    }
}
