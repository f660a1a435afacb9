package dev.barrier.api.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images of a dataset selected by index, in a fixed order. The index array is shared, not copied; callers
 * must not modify it.
 */
public final class Subset {

    private final String name;
    private final ImageDataset dataset;
    private final int[] indices;

    /**
     * Creates a subset.
     *
     * @throws IndexOutOfBoundsException if an index is outside the dataset
     */
    public Subset(String name, ImageDataset dataset, int[] indices) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        for (int index : indices) {
            Objects.checkIndex(index, dataset.size());
        }
        this.indices = indices;
    }

    /** Returns the whole dataset as a subset. */
    public static Subset all(String name, ImageDataset dataset) {
        int[] indices = new int[dataset.size()];
        Arrays.setAll(indices, i -> i);
        return new Subset(name, dataset, indices);
    }

    /** Returns the subset's name, such as {@code forget} or {@code retain}. */
    public String name() {
        return name;
    }

    /** Returns the underlying dataset. */
    public ImageDataset dataset() {
        return dataset;
    }

    /** Returns the number of images. */
    public int size() {
        return indices.length;
    }

    /** Returns the dataset indices, in subset order; do not modify. */
    public int[] indices() {
        return indices;
    }

    /** Returns the dataset index of the {@code position}-th image. */
    public int index(int position) {
        return indices[position];
    }

    /** Returns the label of the {@code position}-th image. */
    public int label(int position) {
        return dataset.label(indices[position]);
    }

    /** Returns a new subset with the first {@code count} images (or all, if fewer). */
    public Subset head(int count) {
        return new Subset(name, dataset, Arrays.copyOf(indices, Math.min(count, indices.length)));
    }

    /** Returns a new subset with the given positions of this one. */
    public Subset select(String newName, int[] positions) {
        int[] selected = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            selected[i] = indices[positions[i]];
        }
        return new Subset(newName, dataset, selected);
    }

    @Override
    public String toString() {
        return name + " (" + indices.length + " of " + dataset.name() + ")";
    }
}
