package dev.barrier.api.data;

import java.util.Objects;

/**
 * The sets an unlearning run works with.
 *
 * @param scenario          a description of how the forget set was chosen, such as {@code class 0 (T-shirt/top)}
 * @param forget            the training images to forget
 * @param retain            the other training images
 * @param test              the test images used for test accuracy: for class-wise forgetting, those of the
 *                          remaining classes
 * @param testForget        the test images of the forgotten classes (empty unless forgetting whole classes)
 * @param forgottenClasses  the forgotten class indices, empty unless forgetting whole classes
 */
public record ForgetSplit(String scenario, Subset forget, Subset retain, Subset test, Subset testForget,
        int[] forgottenClasses) {

    /** Checks that the sets are present and the forget set is not empty. */
    public ForgetSplit {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(forget, "forget");
        Objects.requireNonNull(retain, "retain");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(testForget, "testForget");
        Objects.requireNonNull(forgottenClasses, "forgottenClasses");
        if (forget.size() == 0) {
            throw new IllegalArgumentException("the forget set is empty (" + scenario + ")");
        }
    }

    /** Returns whether whole classes are forgotten. */
    public boolean classWise() {
        return forgottenClasses.length > 0;
    }
}
