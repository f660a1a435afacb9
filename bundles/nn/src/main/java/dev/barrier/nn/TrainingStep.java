package dev.barrier.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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

    /** What one step did. */
    public record Outcome(double loss, double gradientNorm, boolean nonFinite) {
    }

    /**
     * Runs one step.
     *
     * @param loss computes the scalar loss; called inside the gradient collector
     */
    public Outcome run(Supplier<NDArray> loss) {
        double lossValue;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.get();
            lossValue = value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            if (!Double.isFinite(lossValue)) {
                zeroGradients();
                return new Outcome(lossValue, Double.NaN, true);
            }
            collector.backward(value);
        }
        double norm = gradientNorm();
        if (Double.isNaN(norm) && gradients().isEmpty()) {
            return new Outcome(lossValue, 0, false);
        }
        if (!Double.isFinite(norm)) {
            zeroGradients();
            return new Outcome(lossValue, norm, true);
        }
        Map<String, NDArray> gradients = gradients();
        if (clipNorm > 0 && norm > clipNorm) {
            float scale = (float) (clipNorm / norm);
            for (NDArray gradient : gradients.values()) {
                gradient.muli(scale);
            }
        }
        for (Map.Entry<String, NDArray> entry : gradients.entrySet()) {
            optimizer.update(entry.getKey(), trained.get(entry.getKey()).getArray(), entry.getValue());
        }
        return new Outcome(lossValue, norm, false);
    }

    /**
     * Returns the gradients of the trained parameters that received one; a parameter the loss does not
     * depend on has none and is left alone.
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

    /** Returns the global L2 norm of the trained parameters' gradients, or NaN if none has a gradient. */
    public double gradientNorm() {
        Map<String, NDArray> gradients = gradients();
        if (gradients.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (NDArray gradient : gradients.values()) {
            double norm = gradient.norm().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            sum += norm * norm;
        }
        return Math.sqrt(sum);
    }

    /** Sets the trained parameters' gradients to zero. */
    public void zeroGradients() {
        for (NDArray gradient : gradients().values()) {
            gradient.set(new ai.djl.ndarray.index.NDIndex("..."), 0);
        }
    }

    /** Returns whether every trained parameter is finite. */
    public boolean parametersFinite() {
        return nonFinite(trained.values()).isEmpty();
    }

    /** Returns the names of parameters among {@code parameters} that hold NaN or infinite values. */
    public static List<String> nonFinite(Collection<Parameter> parameters) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : parameters) {
            NDArray array = parameter.getArray();
            boolean finite = array.isInfinite().logicalOr(array.isNaN()).any().logicalNot().getBoolean();
            if (!finite) {
                names.add(parameter.getName());
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
