package dev.barrier.eval.diffusion.internal;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.testing.TestEvaluationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Datasets, class-wise forget splits and evaluation contexts for the evaluator tests. */
final class Splits {

    private Splits() {
    }

    /**
     * Returns {@code perClass} 1x4x4 images per class: pixel c of a class-c image is 255, the other pixels are
     * random in [0, 40], so the brightest of the first K pixels names the class.
     */
    static ImageDataset patterns(String name, int perClass, int classes, long seed) {
        Random random = new Random(seed);
        int count = perClass * classes;
        byte[] pixels = new byte[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < 16; p++) {
                pixels[i * 16 + p] = (byte) (p == labels[i] ? 255 : random.nextInt(41));
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("pattern " + c);
        }
        return new ImageDataset(name, pixels, labels, 1, 4, 4, names);
    }

    /** Returns the class-wise split with class {@code forgotten} of {@code train} as the forget set and {@code test} as test data. */
    static ForgetSplit forgetClass(ImageDataset train, ImageDataset test, int forgotten) {
        return new ForgetSplit("class " + forgotten, byClass(train, "forget", forgotten, true),
                byClass(train, "retain", forgotten, false), byClass(test, "test", forgotten, false),
                byClass(test, "test-forget", forgotten, true), new int[] {forgotten});
    }

    private static Subset byClass(ImageDataset data, String name, int forgotten, boolean wanted) {
        int[] indices = IntStream.range(0, data.size()).filter(i -> (data.label(i) == forgotten) == wanted).toArray();
        return new Subset(name, data, indices);
    }

    /** Returns the input shape and class count of {@code data}. */
    static InputSpec specOf(ImageDataset data) {
        return new InputSpec(data.channels(), data.height(), data.width(), data.numClasses());
    }

    /** Returns an evaluation context without a model adapter or an original model, which the evaluator does not use. */
    static EvaluationContext context(RunContext run, ForgetSplit split) {
        return new TestEvaluationContext(run, split, null);
    }
}
