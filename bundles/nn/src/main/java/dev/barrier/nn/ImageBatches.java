package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Turns images of a {@link Subset} into float32 arrays [B, C, H, W] with values in [0, 1], in subset order or
 * in a seeded shuffled order. Each batch lives in its own sub-manager of the given manager and is freed when
 * the batch is closed.
 */
public final class ImageBatches implements Iterable<Batch> {

    private final Subset subset;
    private final int batchSize;
    private final long shuffleSeed;
    private final boolean shuffle;
    private final NDManager manager;

    private ImageBatches(Subset subset, int batchSize, boolean shuffle, long shuffleSeed, NDManager manager) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.subset = subset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.shuffleSeed = shuffleSeed;
        this.manager = manager;
    }

    /** Returns batches in subset order. */
    public static ImageBatches inOrder(Subset subset, int batchSize, NDManager manager) {
        return new ImageBatches(subset, batchSize, false, 0, manager);
    }

    /** Returns batches in an order shuffled with {@code seed}. */
    public static ImageBatches shuffled(Subset subset, int batchSize, long seed, NDManager manager) {
        return new ImageBatches(subset, batchSize, true, seed, manager);
    }

    /** Returns the number of batches, the last one possibly smaller. */
    public int count() {
        return (subset.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] order = new int[subset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(shuffleSeed);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(order.length, next + batchSize);
                int[] positions = java.util.Arrays.copyOfRange(order, next, end);
                next = end;
                return batch(subset, positions, manager);
            }
        };
    }

    /** Creates one batch of the given subset positions, in a new sub-manager of {@code manager}. */
    public static Batch batch(Subset subset, int[] positions, NDManager manager) {
        ImageDataset dataset = subset.dataset();
        int imageBytes = dataset.imageBytes();
        byte[] pixels = dataset.pixels();
        float[] values = new float[positions.length * imageBytes];
        long[] labels = new long[positions.length];
        int[] datasetIndices = new int[positions.length];
        for (int b = 0; b < positions.length; b++) {
            int index = subset.index(positions[b]);
            datasetIndices[b] = index;
            labels[b] = dataset.label(index);
            int offset = index * imageBytes;
            int target = b * imageBytes;
            for (int p = 0; p < imageBytes; p++) {
                values[target + p] = (pixels[offset + p] & 0xFF) / 255f;
            }
        }
        NDManager batchManager = manager.newSubManager();
        NDArray images = batchManager.create(values,
                new Shape(positions.length, dataset.channels(), dataset.height(), dataset.width()));
        NDArray labelArray = batchManager.create(labels).toType(DataType.INT64, false);
        return new Batch(batchManager, images, labelArray, datasetIndices);
    }
}
