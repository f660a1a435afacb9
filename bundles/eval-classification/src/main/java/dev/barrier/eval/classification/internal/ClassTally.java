package dev.barrier.eval.classification.internal;

/** Correct predictions and images per true class, counted on the host. */
final class ClassTally {

    private final long[] correct;
    private final long[] total;

    /** Creates an empty tally for {@code classes} classes. */
    ClassTally(int classes) {
        this.correct = new long[classes];
        this.total = new long[classes];
    }

    /**
     * Counts one image.
     *
     * @throws IllegalArgumentException if {@code label} is not a class of this tally
     */
    void add(int label, int predicted) {
        if (label < 0 || label >= total.length) {
            throw new IllegalArgumentException("label " + label + " is outside [0, " + total.length + ")");
        }
        total[label]++;
        if (predicted == label) {
            correct[label]++;
        }
    }

    /** Adds the counts of {@code other}, which must have as many classes. */
    void addAll(ClassTally other) {
        if (other.total.length != total.length) {
            throw new IllegalArgumentException("cannot merge tallies of " + other.total.length + " and "
                    + total.length + " classes");
        }
        for (int c = 0; c < total.length; c++) {
            correct[c] += other.correct[c];
            total[c] += other.total[c];
        }
    }

    /** Returns the number of images counted. */
    long images() {
        long sum = 0;
        for (long count : total) {
            sum += count;
        }
        return sum;
    }

    /** Returns the number of images of class {@code label}. */
    long images(int label) {
        return total[label];
    }

    /** Returns the accuracy over all images in percent, or NaN when there are none. */
    double accuracy() {
        long right = 0;
        for (long count : correct) {
            right += count;
        }
        return percent(right, images());
    }

    /** Returns the accuracy of each class in percent, in class order; NaN for a class without images. */
    double[] perClassAccuracy() {
        double[] out = new double[total.length];
        for (int c = 0; c < total.length; c++) {
            out[c] = percent(correct[c], total[c]);
        }
        return out;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
