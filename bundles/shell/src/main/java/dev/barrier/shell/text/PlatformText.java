package dev.barrier.shell.text;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.plugin.PluginDescriptor;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;
import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders the platform's objects as text for consoles. */
public final class PlatformText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private PlatformText() {
    }

    /** Renders installed plug-ins grouped by kind, with the bundle that provides each. */
    public static String plugins(List<PluginDescriptor> plugins) {
        if (plugins.isEmpty()) {
            return "No plug-ins are installed.\n";
        }
        TextTable table = new TextTable("KIND", "NAME", "BUNDLE", "DESCRIPTION");
        for (PluginDescriptor plugin : plugins) {
            table.row(plugin.kind().id(), plugin.name(), plugin.bundle() + " " + plugin.bundleVersion(),
                    plugin.description());
        }
        return table.toString();
    }

    /** Returns the list of kind ids, for messages. */
    public static String kinds() {
        return String.join(", ", PluginKind.values().stream().map(PluginKind::id).toList());
    }

    /** Renders runs, newest first. */
    public static String runs(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return "No runs yet.\n";
        }
        TextTable table = new TextTable("RUN", "STATUS", "STARTED", "DURATION", "MESSAGE");
        for (RunRecord run : runs) {
            Instant end = run.finished() != null ? run.finished() : Instant.now();
            table.row(run.id(), run.status().name().toLowerCase(Locale.ROOT), TIME.format(run.started()),
                    run.finished() == null && run.status() != dev.barrier.api.runtime.RunStatus.RUNNING ? ""
                            : duration(Duration.between(run.started(), end)),
                    abbreviate(run.message(), 70));
        }
        return table.toString();
    }

    /**
     * Returns how a run's status reads after its id: "Run 20261205-0105-demo succeeded", "... was cancelled".
     */
    public static String statusPhrase(RunStatus status) {
        return switch (status) {
            case RUNNING -> "is running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "was cancelled";
            case INTERRUPTED -> "was interrupted";
        };
    }

    /**
     * Returns ": " and the run's status message, or nothing when the message is empty or only repeats the
     * status (a cancelled run's message is "cancelled").
     */
    public static String statusDetail(RunRecord run) {
        String message = run.message();
        boolean repeats = message.isEmpty() || message.equalsIgnoreCase(run.status().name());
        return repeats ? "" : ": " + message;
    }

    /**
     * Explains why a run reference matched no single run: a prefix shared by several runs lists them, any
     * other reference lists the most recent runs.
     *
     * @param reference what the user typed: an id, a prefix or {@code latest}
     * @param runs      every run, newest first
     */
    public static String unresolvedRun(String reference, List<RunRecord> runs) {
        List<String> matching = runs.stream().map(RunRecord::id).filter(id -> id.startsWith(reference)).toList();
        if (matching.size() > 1) {
            String listed = String.join(", ", matching.subList(0, Math.min(matching.size(), 5)));
            return "'" + reference + "' matches " + matching.size() + " runs (" + listed
                    + (matching.size() > 5 ? ", ..." : "") + "); type more of the id";
        }
        String hint = runs.isEmpty() ? "there are no runs yet"
                : "recent runs: " + String.join(", ", runs.stream().limit(5).map(RunRecord::id).toList());
        return "No run matches '" + reference + "' (an id, a unique prefix or 'latest'); " + hint;
    }

    /** Renders one finished run: the method × metric table, certificates and notes. */
    public static String results(RunResults results) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(results.runId()).append(" (").append(results.name()).append(")\n");
        Object scenario = results.data().get("scenario");
        if (scenario != null) {
            out.append("Forget set: ").append(scenario).append(", ").append(results.data().get("forget"))
                    .append(" images; retain ").append(results.data().get("retain")).append(", test ")
                    .append(results.data().get("testUsed")).append('\n');
        }
        out.append('\n').append(resultsTable(results));

        boolean anyCertificate = results.methods().stream().anyMatch(m -> !m.certificate().isEmpty());
        if (anyCertificate) {
            out.append("\nCertificates (worst-case change over the protected region; drift measured on retain rows)\n");
            TextTable certificates = new TextTable("METHOD", "LAYER", "BOUND", "DRIFT MEAN", "DRIFT MAX",
                    "RETAIN IN FORGET BOX", "RETAIN PROTECTED");
            for (ModelResult method : results.methods()) {
                for (LayerCertificate layer : method.certificate()) {
                    certificates.row(method.label(), layer.layer(), number(layer.bound(), 4), number(layer.driftMean(), 4),
                            number(layer.driftMax(), 4), percent(layer.retainInForgetBox()),
                            percent(layer.retainProtected()));
                }
            }
            out.append(certificates);
            out.append("The bound covers the protected region only. Retain rows inside the forget box are not"
                    + " protected, so DRIFT MAX may exceed it.\n");
        }
        for (ModelResult row : results.rows()) {
            if (row.status() != MethodStatus.COMPLETED) {
                out.append('\n').append(row.label()).append(": ").append(row.status().name().toLowerCase(Locale.ROOT))
                        .append(" - ").append(row.detail());
            }
        }
        return out.append('\n').toString();
    }

    /** Renders the method × metric table alone. */
    public static String resultsTable(RunResults results) {
        List<MetricSpec> metrics = results.metrics();
        String[] headers = new String[metrics.size() + 3];
        headers[0] = "METHOD";
        headers[1] = "STATUS";
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec spec = metrics.get(i);
            headers[i + 2] = spec.label() + (spec.unit().isEmpty() || spec.unit().equals("%") ? "" : " (" + spec.unit() + ")");
        }
        headers[headers.length - 1] = "TIME";
        TextTable table = new TextTable(headers);
        for (ModelResult row : results.rows()) {
            String[] cells = new String[headers.length];
            cells[0] = row.label();
            cells[1] = row.status() == MethodStatus.DIVERGED ? "diverged" : row.status().name().toLowerCase(Locale.ROOT);
            for (int i = 0; i < metrics.size(); i++) {
                Double value = row.metrics().get(metrics.get(i).key());
                cells[i + 2] = value == null ? "-" : number(value, 2);
            }
            cells[cells.length - 1] = Double.isFinite(row.seconds()) && row.seconds() > 0
                    ? duration(Duration.ofMillis(Math.round(row.seconds() * 1000))) : "-";
            table.row(cells);
        }
        return table.toString();
    }

    /** Renders a configuration error as one problem per line. */
    public static String problems(ConfigurationException e) {
        StringBuilder out = new StringBuilder();
        out.append(e.problems().size() == 1 ? "Invalid pipeline configuration:\n"
                : "Invalid pipeline configuration (" + e.problems().size() + " problems):\n");
        for (ConfigProblem problem : e.problems()) {
            out.append("  ").append(problem).append('\n');
        }
        return out.toString();
    }

    private static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "-";
    }

    /** Formats a duration as {@code m:ss} or {@code h:mm:ss}. */
    public static String duration(Duration duration) {
        long s = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text == null ? "" : text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
