package dev.barrier.eval.classification.internal;

import dev.barrier.api.data.ImageDataset;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a dataset of 1x4x4 images row by row, so that the prediction of {@link FixedLinearNetwork} on each
 * image is known: the brightest row wins.
 */
final class SyntheticImages {

    private final List<String> classNames;
    private final ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    private final List<Integer> labels = new ArrayList<>();

    SyntheticImages(String... classNames) {
        this.classNames = List.of(classNames);
    }

    /** Adds an image of class {@code label} whose row r has the value {@code rowValues[r]} (0 to 255) in every pixel. */
    SyntheticImages add(int label, int... rowValues) {
        for (int row = 0; row < 4; row++) {
            int value = row < rowValues.length ? rowValues[row] : 0;
            for (int column = 0; column < 4; column++) {
                pixels.write(value);
            }
        }
        labels.add(label);
        return this;
    }

    /** Adds {@code count} images of class {@code label} that the network predicts as class {@code predicted}. */
    SyntheticImages predicted(int label, int predicted, int count) {
        int[] rows = new int[4];
        rows[predicted] = 255;
        for (int i = 0; i < count; i++) {
            add(label, rows);
        }
        return this;
    }

    /** Returns the number of images added so far. */
    int size() {
        return labels.size();
    }

    ImageDataset build(String name) {
        return new ImageDataset(name, pixels.toByteArray(), labels.stream().mapToInt(Integer::intValue).toArray(), 1,
                4, 4, classNames);
    }

    /** Returns the positions {@code [from, to)}. */
    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        Arrays.setAll(out, i -> from + i);
        return out;
    }

    /** Returns the default configuration of the accuracy evaluator, as Configuration Admin would hand it over. */
    static AccuracyConfiguration accuracyDefaults() {
        return new AccuracyConfiguration() {
            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AccuracyConfiguration.class;
            }
        };
    }

    /** Returns the default configuration of the MIA evaluator, as Configuration Admin would hand it over. */
    static MiaConfiguration miaDefaults() {
        return new MiaConfiguration() {
            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public int cacheSizeMb() {
                return 200;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MiaConfiguration.class;
            }
        };
    }
}
