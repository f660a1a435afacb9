package dev.barrier.eval.classification.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.EvaluatorFactory;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Creates the {@code mia} evaluator. Keys: {@code batchSize} (images per forward pass, from 1 to
 * {@value AccuracyEvaluatorFactory#MAX_BATCH_SIZE}) and {@code cacheSizeMb} (the SVM's kernel cache in MB, from
 * 1 to {@value #MAX_CACHE_SIZE_MB}). C and γ are part of the metric's definition and cannot be changed.
 */
@Component(service = EvaluatorFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + MiaEvaluator.NAME,
        configurationPid = "dev.barrier.eval.classification.mia")
@Designate(ocd = MiaConfiguration.class)
public final class MiaEvaluatorFactory implements EvaluatorFactory {

    /** The largest kernel cache accepted, in MB. */
    static final int MAX_CACHE_SIZE_MB = 1 << 16;

    private final MiaConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin (or the annotation's). */
    @Activate
    public MiaEvaluatorFactory(MiaConfiguration defaults) {
        this.defaults = defaults;
    }

    /**
     * Creates an evaluator configured by {@code config}.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a key is not an integer in range
     */
    @Override
    public Evaluator create(ConfigSection config, PluginResolver plugins) {
        int batchSize = config.getInt("batchSize", defaults.batchSize(), 1, AccuracyEvaluatorFactory.MAX_BATCH_SIZE);
        int cacheSizeMb = config.getInt("cacheSizeMb", defaults.cacheSizeMb(), 1, MAX_CACHE_SIZE_MB);
        return new MiaEvaluator(batchSize, cacheSizeMb);
    }

    @Override
    public String description() {
        return "MIA-efficacy: forget images an RBF SVM on the true-label probability calls non-members (SalUn)";
    }
}
