package dev.barrier.loss.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.loss.ProtectionLoss;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.NetworkModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protection loss of bounded activation regions. For each protected linear map with weight W, bias b
 * and the snapshot W₀, b₀ taken by {@link #prepare}, with ΔW = W − W₀, Δb = b − b₀, C output units, forget
 * mean μ, forget directions U_f (k × d), residual Gram matrix G_r of rank r and N activation rows:
 * <ul>
 * <li>mean term: ‖ΔW μ + Δb‖² / C;</li>
 * <li>residual term (when r &gt; 0): tr(ΔW G_r ΔWᵀ) / (C · r), also divided by N with
 * {@link ResidualScale#PER_ROW}; this equals ‖ΔW U_rᵀ diag(s_r)‖²_F / (C · r);</li>
 * <li>interval term (when k &gt; 0): with D = ΔW U_fᵀ, D⁺ = max(D, 0), D⁻ = max(−D, 0), the exact ranges of
 * D z over boxes of the region. In {@code CORNER} mode, the mean over units of lo_L² + hi_L² + lo_H² + hi_H²
 * with lo_L = D⁺L − D⁻a, hi_L = D⁺a − D⁻L, lo_H = D⁺b − D⁻H, hi_H = D⁺H − D⁻b (the all-low box [L, a] and
 * the all-high box [b, H]); in {@code COMPLEMENT} mode, the mean over units of max(lo², hi²) with
 * lo = D⁺L − D⁻H, hi = D⁺H − D⁻L (the outer box).</li>
 * </ul>
 * A layer's loss is the sum of the enabled terms. The total is λ times the sum over layers, divided by the
 * number of layers when {@code normalize} is set. These are the formulas of the method's reference
 * implementation; with {@link ResidualScale#REFERENCE}, the corner mode and the reference's statistics the
 * loss and its gradient match the reference's values to float32 precision.
 *
 * <p>Grouped convolutions: the groups of one layer are parts of one layer, so the layer's loss is the mean of
 * its groups' losses, and the layer counts once when normalising. Because the groups have equal widths, the
 * mean over groups of the mean and interval terms is the mean over all the layer's output units, as for an
 * ungrouped layer. Every group of a layer must be protected.
 *
 * <p>Memory: the snapshot and constants live in the loss's own manager until {@link #close}. The arrays of
 * one {@link #compute} live in a scope that is closed when it returns, except the returned scalar, which the
 * loss owns and frees at the next {@code compute} or at {@code close}; callers backpropagate through it and
 * need not close it. Not thread-safe.
 */
final class BarrierLoss implements ProtectionLoss {

    private static final Logger LOG = LoggerFactory.getLogger(BarrierLoss.class);

    /** The name pipeline files use. */
    static final String NAME = "barrier";

    /** The keys of {@link #lastTerms}. */
    static final String MEAN = "mean";
    static final String RESIDUAL = "residual";
    static final String INTERVAL = "interval";

    private final BarrierLossSettings settings;
    private NDManager manager;
    private NDManager stepManager;
    /** The prepared maps, grouped by layer name in the order of the layers given to {@link #prepare}. */
    private Map<String, List<ProtectedMap>> layers;
    private Map<String, NDArray> lastTerms = Map.of();
    /** λ, divided by the number of layers when normalising; an array for the reason given in ProtectedMap#scalar. */
    private NDArray factor;
    /** 1 / groups for each layer with more than one group. */
    private Map<String, NDArray> inverseGroups = Map.of();
    private NDArray zero;
    private boolean closed;

    BarrierLoss(BarrierLossSettings settings) {
        this.settings = settings;
    }

    /** Returns the settings. */
    BarrierLossSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Snapshots W₀ and b₀ of every protected map and uploads its constants. Calling it again replaces the
     * previous snapshot.
     *
     * @throws IllegalArgumentException if the list is empty, a layer is missing from the model or differs
     *         from the layer the statistics were fitted for, a group is listed twice or missing, or the
     *         statistics hold non-finite values
     * @throws IllegalStateException    if the loss is closed
     */
    @Override
    public void prepare(List<ProtectedLayer> protectedLayers, NetworkModel model) {
        checkOpen();
        if (protectedLayers.isEmpty()) {
            throw new IllegalArgumentException("no layers to protect: the protection loss needs at least one target"
                    + " layer");
        }
        Map<String, List<ProtectedLayer>> byLayer = groupByLayer(protectedLayers, model);

        NDArray firstWeight = model.weight(protectedLayers.get(0).layer().name()).getArray();
        NDManager snapshot = firstWeight.getManager().getEngine().newBaseManager(firstWeight.getDevice());
        Map<String, List<ProtectedMap>> prepared = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<ProtectedLayer>> entry : byLayer.entrySet()) {
                List<ProtectedMap> maps = new ArrayList<>();
                for (ProtectedLayer protectedLayer : entry.getValue()) {
                    maps.add(prepareMap(protectedLayer, model, snapshot));
                }
                prepared.put(entry.getKey(), List.copyOf(maps));
            }
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
        releaseSnapshot();
        this.manager = snapshot;
        this.layers = Collections.unmodifiableMap(prepared);
        DataType dataType = firstWeight.getDataType();
        this.factor = ProtectedMap.scalar(snapshot,
                settings.lambda() / (settings.normalize() ? prepared.size() : 1), dataType);
        Map<String, NDArray> inverses = new LinkedHashMap<>();
        prepared.forEach((name, maps) -> {
            if (maps.size() > 1) {
                inverses.put(name, ProtectedMap.scalar(snapshot, 1.0 / maps.size(), dataType));
            }
        });
        this.inverseGroups = Collections.unmodifiableMap(inverses);
        this.zero = ProtectedMap.scalar(snapshot, 0, dataType);
        LOG.debug("Prepared protection loss {} with {} on {} layer(s): {}", NAME, settings, prepared.size(),
                describe(protectedLayers));
    }

    /**
     * Computes the loss for the model's current weights.
     *
     * @return a scalar owned by this loss, valid until the next call or {@link #close}
     * @throws IllegalStateException    if {@link #prepare} was not called or the loss is closed
     * @throws IllegalArgumentException if a target layer's weight no longer has the shape it had at
     *         preparation
     */
    @Override
    public NDArray compute(NetworkModel model) {
        checkOpen();
        if (layers == null) {
            throw new IllegalStateException("protection loss " + NAME + " is not prepared: call prepare before"
                    + " compute");
        }
        releaseStep();
        NDManager step = manager.newSubManager();
        stepManager = step;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray meanSum = null;
            NDArray residualSum = null;
            NDArray intervalSum = null;
            NDArray total = null;
            for (Map.Entry<String, List<ProtectedMap>> entry : layers.entrySet()) {
                LayerTerms layer = layerTerms(entry.getKey(), entry.getValue(), model);
                meanSum = plus(meanSum, layer.mean());
                residualSum = plus(residualSum, layer.residual());
                intervalSum = plus(intervalSum, layer.interval());
                total = plus(total, layer.total());
            }
            NDArray loss = total.mul(factor);

            Map<String, NDArray> terms = new LinkedHashMap<>();
            keep(terms, MEAN, settings.meanTerm(), meanSum, step, total);
            keep(terms, RESIDUAL, settings.residualTerm(), residualSum, step, total);
            keep(terms, INTERVAL, settings.intervalTerm(), intervalSum, step, total);
            lastTerms = terms;

            NDScope.unregister(loss);
            loss.attach(step);
            return loss;
        }
    }

    /**
     * Returns the enabled terms of the last {@link #compute}, each summed over layers (a grouped layer
     * contributes the mean over its groups) and neither multiplied by λ nor normalised; empty before the
     * first call. Reading it copies three scalars from the device.
     */
    @Override
    public Map<String, Double> lastTerms() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : lastTerms.entrySet()) {
            values.put(entry.getKey(), entry.getValue().toType(DataType.FLOAT64, false).getDouble());
        }
        return values;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseSnapshot();
        LOG.debug("Closed protection loss {}", NAME);
    }

    private Map<String, List<ProtectedLayer>> groupByLayer(List<ProtectedLayer> protectedLayers, NetworkModel model) {
        Map<String, List<ProtectedLayer>> byLayer = new LinkedHashMap<>();
        for (ProtectedLayer protectedLayer : protectedLayers) {
            LayerInfo layer = protectedLayer.layer();
            LayerInfo actual = model.layer(layer.name());
            if (!actual.equals(layer)) {
                throw new IllegalArgumentException("layer " + layer.name() + " was fitted as " + layer
                        + " but the model has " + actual);
            }
            List<ProtectedLayer> groups = byLayer.computeIfAbsent(layer.name(), name -> new ArrayList<>());
            for (ProtectedLayer other : groups) {
                if (other.group() == protectedLayer.group()) {
                    throw new IllegalArgumentException("layer " + protectedLayer.displayName()
                            + " is listed twice for protection");
                }
            }
            groups.add(protectedLayer);
        }
        for (List<ProtectedLayer> groups : byLayer.values()) {
            ProtectedLayer first = groups.get(0);
            int expected = first.extractor().groups(first.layer());
            if (groups.size() != expected) {
                TreeSet<Integer> listed = new TreeSet<>();
                groups.forEach(g -> listed.add(g.group()));
                throw new IllegalArgumentException("layer " + first.layer().name() + " has " + expected
                        + " groups but protection was prepared for groups " + listed + "; protect every group");
            }
        }
        return byLayer;
    }

    private ProtectedMap prepareMap(ProtectedLayer protectedLayer, NetworkModel model, NDManager snapshot) {
        LayerInfo layer = protectedLayer.layer();
        ActivationExtractor extractor = protectedLayer.extractor();
        NDArray weight = model.weight(layer.name()).getArray();
        Optional<Parameter> bias = model.bias(layer.name());
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray matrix = extractor.weightMatrix(layer, weight, protectedLayer.group());
            Shape expected = new Shape(extractor.outputWidth(layer), protectedLayer.projection().width());
            if (!matrix.getShape().equals(expected)) {
                throw new IllegalArgumentException("layer " + protectedLayer.displayName() + ": extractor "
                        + extractor.name() + " gave a weight matrix " + matrix.getShape() + ", expected " + expected);
            }
            // Detach first so that the copy is not part of any gradient graph, then copy the values: the
            // optimiser updates the weight in place.
            NDArray weightSnapshot = keepCopy(matrix, snapshot);
            NDArray biasSnapshot = bias.isPresent()
                    ? keepCopy(extractor.biasVector(layer, bias.get().getArray(), protectedLayer.group()), snapshot)
                    : null;
            return new ProtectedMap(protectedLayer, weightSnapshot, biasSnapshot, settings, snapshot,
                    weight.getDataType());
        }
    }

    private LayerTerms layerTerms(String name, List<ProtectedMap> maps, NetworkModel model) {
        NDArray weight = model.weight(name).getArray();
        Optional<Parameter> bias = model.bias(name);
        NDArray mean = null;
        NDArray residual = null;
        NDArray interval = null;
        NDArray deltaAnchor = null;
        for (ProtectedMap map : maps) {
            ProtectedLayer protectedLayer = map.protectedLayer();
            LayerInfo layer = protectedLayer.layer();
            ActivationExtractor extractor = protectedLayer.extractor();
            NDArray matrix = extractor.weightMatrix(layer, weight, protectedLayer.group());
            if (!matrix.getShape().equals(map.weightSnapshot().getShape())) {
                throw new IllegalArgumentException("layer " + protectedLayer.displayName() + ": weight matrix "
                        + matrix.getShape() + " differs from " + map.weightSnapshot().getShape()
                        + " at preparation");
            }
            NDArray vector = bias.isPresent()
                    ? extractor.biasVector(layer, bias.get().getArray(), protectedLayer.group())
                    : null;
            ProtectedMap.Terms terms = map.terms(matrix, vector);
            mean = plus(mean, terms.mean());
            residual = plus(residual, terms.residual());
            interval = plus(interval, terms.interval());
            if (deltaAnchor == null) {
                deltaAnchor = matrix;
            }
        }
        NDArray total = plus(plus(mean, residual), interval);
        if (total == null) {
            // No enabled term has anything to measure here (for example only the interval term with k = 0):
            // a zero that is still connected to the weight, so that backpropagation works.
            total = deltaAnchor.sum().mul(zero);
        }
        NDArray inverse = inverseGroups.get(name);
        return new LayerTerms(divide(mean, inverse), divide(residual, inverse), divide(interval, inverse),
                divide(total, inverse));
    }

    /** The terms of one layer, each the mean over its groups; null entries are absent terms. */
    private record LayerTerms(NDArray mean, NDArray residual, NDArray interval, NDArray total) {
    }

    private static NDArray keepCopy(NDArray array, NDManager owner) {
        NDArray copy = array.stopGradient().duplicate();
        NDScope.unregister(copy);
        copy.attach(owner);
        return copy;
    }

    /** Records a term's detached value for {@link #lastTerms}; an enabled term with no contribution is zero. */
    private static void keep(Map<String, NDArray> terms, String key, boolean enabled, NDArray sum, NDManager owner,
            NDArray like) {
        if (!enabled) {
            return;
        }
        NDArray value = sum != null ? sum.stopGradient().duplicate() : like.stopGradient().zerosLike();
        NDScope.unregister(value);
        value.attach(owner);
        terms.put(key, value);
    }

    private static NDArray plus(NDArray sum, NDArray term) {
        if (term == null) {
            return sum;
        }
        return sum == null ? term : sum.add(term);
    }

    /** Returns {@code value} times {@code inverse} (1 / groups), or {@code value} for a layer of one group. */
    private static NDArray divide(NDArray value, NDArray inverse) {
        return value == null || inverse == null ? value : value.mul(inverse);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("protection loss " + NAME + " is closed");
        }
    }

    private void releaseStep() {
        lastTerms = Map.of();
        if (stepManager != null) {
            stepManager.close();
            stepManager = null;
        }
    }

    private void releaseSnapshot() {
        releaseStep();
        layers = null;
        factor = null;
        inverseGroups = Map.of();
        zero = null;
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }

    private static String describe(List<ProtectedLayer> protectedLayers) {
        List<String> parts = new ArrayList<>();
        for (ProtectedLayer p : protectedLayers) {
            parts.add(p.displayName() + " (" + p.extractor().name() + ", d=" + p.projection().width() + ", k="
                    + p.projection().reducedDim() + ", r=" + p.projection().residualRank() + ", "
                    + p.region().mode() + ")");
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return NAME + " " + settings;
    }
}
