package dev.barrier.eval.diffusion.internal;

/**
 * Counts, per requested class, how many generated images the classifier recognised as that class, and turns
 * the counts into the evaluator's percentages.
 */
final class RecognitionTally {

    private final long[] generated;
    private final long[] recognised;

    RecognitionTally(int classes) {
        generated = new long[classes];
        recognised = new long[classes];
    }

    /** Records the classifier's predictions for images generated as {@code requested}. */
    void add(int requested, long[] predictions) {
        for (long prediction : predictions) {
            generated[requested]++;
            if (prediction == requested) {
                recognised[requested]++;
            }
        }
    }

    /** Returns, per class, the percentage of its images recognised as it (NaN for a class with no images). */
    double[] perClass() {
        double[] percent = new double[generated.length];
        for (int c = 0; c < percent.length; c++) {
            percent[c] = generated[c] == 0 ? Double.NaN : 100.0 * recognised[c] / generated[c];
        }
        return percent;
    }

    /**
     * Returns UA = 100 − the percentage of images of the forgotten classes recognised as their class, pooled
     * over those classes; NaN when no class is forgotten.
     */
    double unlearningAccuracy(boolean[] forgotten) {
        long images = 0;
        long hits = 0;
        for (int c = 0; c < generated.length; c++) {
            if (forgotten[c]) {
                images += generated[c];
                hits += recognised[c];
            }
        }
        return images == 0 ? Double.NaN : 100.0 - 100.0 * hits / images;
    }

    /** Returns the mean over the classes that are not forgotten of their recognition percentage. */
    double retainRecognition(boolean[] forgotten) {
        double[] percent = perClass();
        double sum = 0;
        int count = 0;
        for (int c = 0; c < percent.length; c++) {
            if (!forgotten[c] && generated[c] > 0) {
                sum += percent[c];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
