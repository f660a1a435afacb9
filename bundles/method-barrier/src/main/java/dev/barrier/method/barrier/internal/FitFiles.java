package dev.barrier.method.barrier.internal;

import dev.barrier.linalg.FittedLayers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a method's fitted statistics in the run folder, and restores them from a file named in the pipeline
 * so that a fit can be reused with other unlearning settings.
 */
final class FitFiles {

    private FitFiles() {
    }

    /** Saves the fits as {@code <methodId>-fit.bin} in {@code folder}; returns the file. */
    static Path save(List<LayerFit> fits, Path folder, String methodId) {
        List<FittedLayers.Entry> entries = new ArrayList<>();
        for (LayerFit fit : fits) {
            entries.add(new FittedLayers.Entry(fit.layer.name(), fit.group, fit.projection, fit.region));
        }
        Path file = folder.resolve(methodId + "-fit.bin");
        try {
            FittedLayers.save(entries, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the fitted statistics to " + file, e);
        }
        return file;
    }

    /**
     * Restores fits from a file saved by {@link #save}.
     *
     * @throws IllegalArgumentException if the file holds other layers, groups or widths than {@code fits} need
     */
    static void restore(Path file, List<LayerFit> fits) {
        List<FittedLayers.Entry> entries;
        try {
            entries = FittedLayers.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fitted statistics from " + file, e);
        }
        if (entries.size() != fits.size()) {
            throw new IllegalArgumentException(file + " holds " + entries.size() + " fitted maps, but the targets need "
                    + fits.size() + " (" + String.join(", ", fits.stream().map(LayerFit::name).toList()) + ")");
        }
        for (int i = 0; i < fits.size(); i++) {
            LayerFit fit = fits.get(i);
            FittedLayers.Entry entry = entries.get(i);
            int width = fit.extractor.rowWidth(fit.layer);
            if (!entry.layer().equals(fit.layer.name()) || entry.group() != fit.group
                    || entry.projection().width() != width) {
                throw new IllegalArgumentException(file + ": entry " + i + " is layer " + entry.layer() + " group "
                        + entry.group() + " of width " + entry.projection().width() + ", expected layer "
                        + fit.layer.name() + " group " + fit.group + " of width " + width + " (extractor "
                        + fit.extractor.name() + ")");
            }
            fit.projection = entry.projection();
            fit.region = entry.region();
        }
    }
}
