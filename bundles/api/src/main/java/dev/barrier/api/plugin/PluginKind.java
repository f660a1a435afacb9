package dev.barrier.api.plugin;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.activation.ActivationExtractorFactory;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetProviderFactory;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.EvaluatorFactory;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.loss.BaseLossFactory;
import dev.barrier.api.loss.ProtectionLoss;
import dev.barrier.api.loss.ProtectionLossFactory;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelAdapterFactory;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.projection.ProjectionStrategyFactory;
import dev.barrier.api.region.RegionBuilder;
import dev.barrier.api.region.RegionBuilderFactory;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.ReporterFactory;

import java.util.List;
import java.util.Objects;

/**
 * A kind of plug-in: the factory interface its services implement, the type of the instances they create,
 * and the key that names the plug-in inside its configuration section.
 *
 * @param <T> the type of the instances plug-ins of this kind create
 */
public final class PluginKind<T> {

    /** Dataset providers; selected with {@code provider}. */
    public static final PluginKind<DatasetProvider> DATASET =
            new PluginKind<>("dataset", "provider", DatasetProviderFactory.class, DatasetProvider.class);
    /** Model adapters; selected with {@code adapter}. */
    public static final PluginKind<ModelAdapter> MODEL =
            new PluginKind<>("model", "adapter", ModelAdapterFactory.class, ModelAdapter.class);
    /** Activation extractors; selected with {@code extractor}. */
    public static final PluginKind<ActivationExtractor> EXTRACTOR =
            new PluginKind<>("extractor", "extractor", ActivationExtractorFactory.class, ActivationExtractor.class);
    /** Projection strategies; selected with {@code strategy}. */
    public static final PluginKind<ProjectionStrategy> PROJECTION =
            new PluginKind<>("projection", "strategy", ProjectionStrategyFactory.class, ProjectionStrategy.class);
    /** Region builders; selected with {@code builder}. */
    public static final PluginKind<RegionBuilder> REGION =
            new PluginKind<>("region", "builder", RegionBuilderFactory.class, RegionBuilder.class);
    /** Base losses of the unlearning loop (gradient ascent, random labels, ...); selected with {@code loss}. */
    public static final PluginKind<BaseLoss> BASE_LOSS =
            new PluginKind<>("base-loss", "loss", BaseLossFactory.class, BaseLoss.class);
    /** Protection losses computed from the target weights; selected with {@code loss}. */
    public static final PluginKind<ProtectionLoss> PROTECTION_LOSS =
            new PluginKind<>("protection-loss", "loss", ProtectionLossFactory.class, ProtectionLoss.class);
    /** Unlearning methods; selected with {@code method}. */
    public static final PluginKind<UnlearningMethod> METHOD =
            new PluginKind<>("method", "method", UnlearningMethodFactory.class, UnlearningMethod.class);
    /** Evaluators; selected with {@code evaluator}. */
    public static final PluginKind<Evaluator> EVALUATOR =
            new PluginKind<>("evaluator", "evaluator", EvaluatorFactory.class, Evaluator.class);
    /** Reporters; selected with {@code reporter}. */
    public static final PluginKind<Reporter> REPORTER =
            new PluginKind<>("reporter", "reporter", ReporterFactory.class, Reporter.class);

    private static final List<PluginKind<?>> ALL = List.of(DATASET, MODEL, EXTRACTOR, PROJECTION, REGION,
            BASE_LOSS, PROTECTION_LOSS, METHOD, EVALUATOR, REPORTER);

    private final String id;
    private final String selectorKey;
    private final Class<? extends PluginFactory<T>> factoryType;
    private final Class<T> productType;

    private PluginKind(String id, String selectorKey, Class<? extends PluginFactory<T>> factoryType,
            Class<T> productType) {
        this.id = id;
        this.selectorKey = selectorKey;
        this.factoryType = factoryType;
        this.productType = productType;
    }

    /** Returns every kind, in pipeline order. */
    public static List<PluginKind<?>> values() {
        return ALL;
    }

    /**
     * Returns the kind with the given id.
     *
     * @throws IllegalArgumentException if there is none; the message lists the ids that exist
     */
    public static PluginKind<?> byId(String id) {
        for (PluginKind<?> kind : ALL) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown plug-in kind '" + id + "'; kinds: "
                + String.join(", ", ALL.stream().map(PluginKind::id).toList()));
    }

    /** Returns the id used in listings and messages, such as {@code projection}. */
    public String id() {
        return id;
    }

    /** Returns the key that holds the plug-in name in a configuration section, such as {@code strategy}. */
    public String selectorKey() {
        return selectorKey;
    }

    /** Returns the service interface that factories of this kind are registered under. */
    public Class<? extends PluginFactory<T>> factoryType() {
        return factoryType;
    }

    /** Returns the type of the instances that factories of this kind create. */
    public Class<T> productType() {
        return productType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginKind<?> k && k.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
