package dev.barrier.model.diffusion.internal;

import dev.barrier.api.data.ImageDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded image datasets for tests that do not need real images. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * Returns {@code count} images with uniformly random pixel bytes; image i has class i mod
     * {@code classes}.
     */
    static ImageDataset random(int count, int classes, int channels, int height, int width, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * channels * height * width];
        random.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return new ImageDataset("synthetic-" + seed, pixels, labels, channels, height, width, names);
    }
}
