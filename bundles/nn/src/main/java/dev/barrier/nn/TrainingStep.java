package dev.barrier.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One optimiser step over a chosen set of parameters: computes a loss under a gradient collector, back-
 * propagates, clips the gradients by their global L2 norm over the trained parameters only, and updates those
 * parameters. Every other parameter of the model is frozen (no gradient is computed for it) while this object
 * is in use.
 *
 * <p>Non-finite values are detected, not propagated: a step whose loss or gradient is NaN or infinite is
 * skipped and reported as {@link Outcome#nonFinite()}, leaving the weights as they were.
 */
public final class TrainingStep {

    private final Map<String, Parameter> trained;
    private final Optimizer optimizer;
    private final double clipNorm;
    private boolean optimizerStateCreated;

    /**
     * Prepares steps.
     *
     * @param all      every parameter of the model, by name
     * @param trained  the parameters to train, by name (a subset of {@code all})
     * @param clipNorm the largest global gradient norm, or 0 for no clipping
     */
    public TrainingStep(Map<String, Parameter> all, Map<String, Parameter> trained, Optimizer optimizer,
            double clipNorm) {
        this.trained = Map.copyOf(trained);
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
        for (Map.Entry<String, Parameter> entry : all.entrySet()) {
            boolean train = trained.containsKey(entry.getKey());
            NDArray array = entry.getValue().getArray();
            array.setRequiresGradient(train);
        }
    }

    /**
     * The result of one step.
     *
     * @param loss                 the loss value
     * @param gradientNorm         the global gradient norm before clipping
     * @param nonFinite            whether the loss or a gradient was NaN or infinite (the step was skipped)
     * @param nonFiniteGradients   the parameters whose gradient was not finite
     */
    public record Outcome(double loss, double gradientNorm, boolean nonFinite, List<String> nonFiniteGradients) {

        /** Creates an outcome without non-finite gradients. */
        public Outcome(double loss, double gradientNorm, boolean nonFinite) {
            this(loss, gradientNorm, nonFinite, List.of());
        }
    }

    /**
     * Runs one step.
     *
     * <p>Temporaries of the step (gradient handles, norms, masks) are freed before it returns. The
     * optimiser's state (Adam's moments, SGD's momentum) is created on the first update and lives on the
     * parameters' manager; later updates run inside a scope so their temporaries are freed too.
     *
     * @param loss computes the scalar loss; called inside the gradient collector
     */
    public Outcome run(Supplier<NDArray> loss) {
        double lossValue;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.get();
            lossValue = scalar(value);
            if (!Double.isFinite(lossValue)) {
                zeroGradients();
                return new Outcome(lossValue, Double.NaN, true);
            }
            collector.backward(value);
        }
        Map<String, NDArray> gradients = gradients();
        try {
            if (gradients.isEmpty()) {
                return new Outcome(lossValue, 0, false);
            }
            double norm;
            List<String> nonFiniteGradients = new ArrayList<>();
            try (NDScope scope = new NDScope()) {
                double sum = 0;
                for (Map.Entry<String, NDArray> entry : gradients.entrySet()) {
                    double parameterNorm = norm(entry.getValue());
                    if (!Double.isFinite(parameterNorm)) {
                        nonFiniteGradients.add(entry.getKey() + describeNonFinite(entry.getValue()));
                    }
                    sum += parameterNorm * parameterNorm;
                }
                norm = Math.sqrt(sum);
                if (Double.isFinite(norm) && clipNorm > 0 && norm > clipNorm) {
                    float scale = (float) (clipNorm / norm);
                    for (NDArray gradient : gradients.values()) {
                        gradient.muli(scale);
                    }
                }
            }
            if (!Double.isFinite(norm)) {
                zero(gradients.values());
                return new Outcome(lossValue, norm, true, nonFiniteGradients);
            }
            if (optimizerStateCreated) {
                try (NDScope scope = new NDScope()) {
                    update(gradients);
                }
            } else {
                update(gradients);
                optimizerStateCreated = true;
            }
            return new Outcome(lossValue, norm, false);
        } finally {
            for (NDArray gradient : gradients.values()) {
                gradient.close();
            }
        }
    }

    private void update(Map<String, NDArray> gradients) {
        for (Map.Entry<String, NDArray> entry : gradients.entrySet()) {
            optimizer.update(entry.getKey(), trained.get(entry.getKey()).getArray(), entry.getValue());
        }
    }

    /**
     * Returns handles to the gradients of the trained parameters that received one; a parameter the loss does
     * not depend on has none and is left alone. The caller closes the handles (the gradients stay).
     */
    private Map<String, NDArray> gradients() {
        Map<String, NDArray> gradients = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : trained.entrySet()) {
            try {
                gradients.put(entry.getKey(), entry.getValue().getArray().getGradient());
            } catch (IllegalStateException e) {
                // No gradient attached yet: the parameter took no part in any backward pass.
            }
        }
        return gradients;
    }

    private static double norm(Map<String, NDArray> gradients) {
        double sum = 0;
        for (NDArray gradient : gradients.values()) {
            double norm = norm(gradient);
            sum += norm * norm;
        }
        return Math.sqrt(sum);
    }

    /** Returns the L2 norm computed in float64, so that large but finite gradients do not overflow. */
    private static double norm(NDArray gradient) {
        return scalar(gradient.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).norm());
    }

    /** Describes which non-finite values a gradient holds, such as {@code " (NaN)"}. */
    private static String describeNonFinite(NDArray gradient) {
        boolean nan = gradient.isNaN().any().getBoolean();
        boolean infinite = gradient.isInfinite().any().getBoolean();
        return nan && infinite ? " (NaN and infinite values)" : nan ? " (NaN)" : infinite ? " (infinite values)" : "";
    }

    private static double scalar(NDArray value) {
        try (NDArray asDouble = value.toType(ai.djl.ndarray.types.DataType.FLOAT64, true)) {
            return asDouble.getDouble();
        }
    }

    /** Returns the global L2 norm of the trained parameters' gradients, or NaN if none has a gradient. */
    public double gradientNorm() {
        Map<String, NDArray> gradients = gradients();
        try (NDScope scope = new NDScope()) {
            return gradients.isEmpty() ? Double.NaN : norm(gradients);
        } finally {
            gradients.values().forEach(NDArray::close);
        }
    }

    /** Sets the trained parameters' gradients to zero. */
    public void zeroGradients() {
        Map<String, NDArray> gradients = gradients();
        zero(gradients.values());
        gradients.values().forEach(NDArray::close);
    }

    private static void zero(Collection<NDArray> gradients) {
        try (NDScope scope = new NDScope()) {
            for (NDArray gradient : gradients) {
                gradient.set(new ai.djl.ndarray.index.NDIndex("..."), 0);
            }
        }
    }

    /** Returns whether every trained parameter is finite. */
    public boolean parametersFinite() {
        return nonFinite(trained.values()).isEmpty();
    }

    /** Returns the names of parameters among {@code parameters} that hold NaN or infinite values. */
    public static List<String> nonFinite(Collection<Parameter> parameters) {
        List<String> names = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            for (Parameter parameter : parameters) {
                NDArray array = parameter.getArray();
                boolean finite = array.isInfinite().logicalOr(array.isNaN()).any().logicalNot().getBoolean();
                if (!finite) {
                    names.add(parameter.getName());
                }
            }
        }
        return names;
    }

    /** Restores gradient tracking on every parameter, for code that trains the whole model afterwards. */
    public static void trainAll(Map<String, Parameter> all) {
        for (Parameter parameter : all.values()) {
            parameter.getArray().setRequiresGradient(true);
        }
    }
}
