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
 * Creates the {@code accuracy} evaluator. Key: {@code batchSize} (images per forward pass, from 1 to
 * {@value #MAX_BATCH_SIZE}).
 */
@Component(service = EvaluatorFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + AccuracyEvaluator.NAME,
        configurationPid = "dev.barrier.eval.classification.accuracy")
@Designate(ocd = AccuracyConfiguration.class)
public final class AccuracyEvaluatorFactory implements EvaluatorFactory {

    /** The largest batch size accepted. */
    static final int MAX_BATCH_SIZE = 1 << 16;

    private final AccuracyConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin (or the annotation's). */
    @Activate
    public AccuracyEvaluatorFactory(AccuracyConfiguration defaults) {
        this.defaults = defaults;
    }

    /**
     * Creates an evaluator configured by {@code config}.
     *
     * @throws dev.barrier.api.config.ConfigurationException if {@code batchSize} is not an integer in range
     */
    @Override
    public Evaluator create(ConfigSection config, PluginResolver plugins) {
        int batchSize = config.getInt("batchSize", defaults.batchSize(), 1, MAX_BATCH_SIZE);
        return new AccuracyEvaluator(batchSize);
    }

    @Override
    public String description() {
        return "UA, RA and TA of a classifier, and per-class accuracy over all test images";
    }
}
