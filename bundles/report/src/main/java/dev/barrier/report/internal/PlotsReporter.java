package dev.barrier.report.internal;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.RunResults;
import dev.barrier.api.runtime.RunContext;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the charts of a {@link PlotPlan} as PNG files in the run's artifacts folder: per-class test accuracy
 * of each method against the original model, each certificate's bound against the measured drift per
 * layer, and the percentage metrics of every model. Charts whose data is missing are left out and listed in
 * the run log; a missing value inside a chart leaves a gap.
 *
 * <p>AWT runs headless: {@link #ensureHeadless()} sets {@code java.awt.headless=true} unless the property
 * is already set. Note: that only takes effect if no other code has initialised AWT in this JVM before.
 */
final class PlotsReporter implements Reporter {

    /** The plug-in name. */
    static final String NAME = "plots";

    private static final Logger LOG = LoggerFactory.getLogger(PlotsReporter.class);

    /** Above this ratio of largest to smallest value, a certificate chart uses a logarithmic axis. */
    private static final double LOG_AXIS_RATIO = 100;

    private final int width;
    private final int height;

    /**
     * Creates the reporter.
     *
     * @param width  the image width in pixels
     * @param height the image height in pixels
     * @throws IllegalArgumentException if a size is not positive
     */
    PlotsReporter(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        ensureHeadless();
    }

    /** Sets {@code java.awt.headless=true} unless the property has a value already. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Draws every planned chart. A chart that XChart fails to draw is reported in the run log and the others
     * are still drawn.
     *
     * @return the PNG files written
     * @throws IOException if a file cannot be written
     */
    @Override
    public List<Path> write(RunResults results, RunContext context) throws IOException {
        ensureHeadless();
        PlotPlan plan = PlotPlan.of(results);
        List<Path> written = new ArrayList<>();
        for (PlotPlan.Chart planned : plan.charts()) {
            byte[] png;
            try {
                CategoryChart chart = switch (planned.kind()) {
                    case PER_CLASS_ACCURACY -> perClassAccuracy(results, planned.method());
                    case CERTIFICATE -> certificate(planned.method());
                    case METRICS -> metrics(results);
                };
                fitLegend(chart, width);
                png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            } catch (RuntimeException e) {
                context.log().warn("Plot {} could not be drawn: {}", planned.fileName(), String.valueOf(e));
                LOG.debug("Drawing {} failed", planned.fileName(), e);
                continue;
            }
            written.add(ReportFiles.write(context.artifactsFolder().resolve(planned.fileName()), png));
        }
        if (!plan.skipped().isEmpty()) {
            context.log().info("Plots left out: {}", String.join("; ", plan.skipped()));
        }
        LOG.debug("Wrote {} plots into {}", written.size(), context.artifactsFolder());
        return written;
    }

    private CategoryChart perClassAccuracy(RunResults results, ModelResult method) {
        double[] original = results.original().series().get(PlotPlan.PER_CLASS_ACCURACY);
        double[] unlearned = method.series().get(PlotPlan.PER_CLASS_ACCURACY);
        List<String> classes = PlotPlan.classNames(results, original.length);
        CategoryChart chart = chart("Per-class test accuracy: " + method.label(), "Class", "Accuracy (%)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        if (classes.size() > 6 || classes.stream().anyMatch(c -> c.length() > 8)) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        Set<String> names = new HashSet<>();
        chart.addSeries(unique(results.original().label(), names), classes, values(original));
        chart.addSeries(unique(method.label(), names), classes, values(unlearned));
        return chart;
    }

    private CategoryChart certificate(ModelResult method) {
        List<LayerCertificate> layers = method.certificate();
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (LayerCertificate layer : layers) {
            names.add(unique(layer.layer(), seen));
        }
        double[] bound = layers.stream().mapToDouble(LayerCertificate::bound).toArray();
        double[] driftMax = layers.stream().mapToDouble(LayerCertificate::driftMax).toArray();
        double[] driftMean = layers.stream().mapToDouble(LayerCertificate::driftMean).toArray();
        boolean logarithmic = wideRange(bound, driftMax, driftMean);
        CategoryChart chart = chart("Certificate: " + method.label(), "Layer",
                "Change of an output unit" + (logarithmic ? " (log scale)" : ""));
        if (logarithmic) {
            // Bars start at the axis minimum, which must be positive on a logarithmic axis.
            double smallest = DoubleStream.of(concat(bound, driftMax, driftMean)).min().orElse(1);
            double largest = DoubleStream.of(concat(bound, driftMax, driftMean)).max().orElse(1);
            chart.getStyler().setYAxisLogarithmic(true).setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))))
                    .setYAxisMax(Math.pow(10, Math.ceil(Math.log10(largest))));
        }
        chart.addSeries("Bound (protected region)", names, values(bound));
        chart.addSeries("Measured drift, max", names, values(driftMax));
        chart.addSeries("Measured drift, mean", names, values(driftMean));
        return chart;
    }

    private CategoryChart metrics(RunResults results) {
        List<MetricSpec> specs = PlotPlan.percentMetrics(results);
        List<String> labels = specs.stream().map(MetricSpec::label).toList();
        CategoryChart chart = chart("Metrics per model", "Metric", "Value (%)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        Set<String> names = new HashSet<>();
        for (ModelResult row : PlotPlan.metricRows(results, specs)) {
            double[] values = specs.stream().mapToDouble(s -> {
                Double value = row.metrics().get(s.key());
                return value == null ? Double.NaN : value;
            }).toArray();
            chart.addSeries(unique(row.label(), names), labels, values(values));
        }
        return chart;
    }

    private CategoryChart chart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAvailableSpaceFill(0.8);
        return chart;
    }

    /**
     * Moves the legend to the right of the plot, one entry per line, when its entries do not fit side by side
     * under it: XChart cuts off a horizontal legend at the image edges instead of wrapping it.
     */
    static void fitLegend(CategoryChart chart, int width) {
        CategoryStyler styler = chart.getStyler();
        Graphics2D graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics metrics = graphics.getFontMetrics(styler.getLegendFont());
            // Each entry also draws a colour box and padding; 3 em is a generous estimate of both.
            int perEntry = 3 * metrics.getHeight() + styler.getLegendPadding();
            int total = chart.getSeriesMap().keySet().stream().mapToInt(name -> metrics.stringWidth(name) + perEntry)
                    .sum();
            if (total > width - 2 * styler.getChartPadding()) {
                styler.setLegendPosition(Styler.LegendPosition.OutsideE);
                styler.setLegendLayout(Styler.LegendLayout.Vertical);
            }
        } finally {
            graphics.dispose();
        }
    }

    /** Returns the values with NaN and infinities as null, which XChart draws as a gap. */
    private static List<Double> values(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double value : values) {
            out.add(Double.isFinite(value) ? value : null);
        }
        return out;
    }

    private static double[] concat(double[]... series) {
        return Arrays.stream(series).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Returns whether every value is positive and finite and the largest exceeds the smallest 100-fold. */
    private static boolean wideRange(double[]... series) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double[] values : series) {
            for (double value : values) {
                if (!(value > 0) || Double.isInfinite(value)) {
                    return false;
                }
                smallest = Math.min(smallest, value);
                largest = Math.max(largest, value);
            }
        }
        return largest > LOG_AXIS_RATIO * smallest;
    }

    /** Returns {@code name}, with a number appended if it is already in {@code usedNames}, and adds it there. */
    private static String unique(String name, Set<String> usedNames) {
        String base = name == null || name.isBlank() ? "(unnamed)" : name;
        String candidate = base;
        for (int i = 2; !usedNames.add(candidate); i++) {
            candidate = base + " (" + i + ")";
        }
        return candidate;
    }

    @Override
    public String toString() {
        return NAME + " (" + width + "x" + height + " PNG)";
    }
}
