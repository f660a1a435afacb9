package dev.barrier.api.model;

/**
 * The shape of a model's inputs and the number of classes, taken from the dataset it is built for.
 *
 * @param channels   image channels
 * @param height     image height
 * @param width      image width
 * @param numClasses number of classes
 */
public record InputSpec(int channels, int height, int width, int numClasses) {

    /** Checks that every value is positive. */
    public InputSpec {
        if (channels <= 0 || height <= 0 || width <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("input shape and class count must be positive, got " + channels
                    + "x" + height + "x" + width + " with " + numClasses + " classes");
        }
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width + ", " + numClasses + " classes";
    }
}
