package dev.barrier.method.barrier.internal;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.nn.TrainingSections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Creates the BARRIER method from its section of a pipeline file. The plug-ins it is composed of are named
 * in nested sections ({@code base}, {@code projection}, {@code region}, {@code protection}) or by name
 * ({@code linearExtractor}, {@code convExtractor}, {@code layerExtractors}); every other key is a setting of
 * the unlearning loop or of the fitting (see {@link BarrierConfiguration}).
 */
@Component(service = UnlearningMethodFactory.class, property = "name=barrier",
        configurationPid = "dev.barrier.method.barrier")
@Designate(ocd = BarrierConfiguration.class)
public final class BarrierMethodFactory implements UnlearningMethodFactory {

    private final BarrierConfiguration defaults;

    /** Creates the factory with its configured defaults. */
    @Activate
    public BarrierMethodFactory(BarrierConfiguration defaults) {
        this.defaults = defaults;
    }

    @Override
    public UnlearningMethod create(ConfigSection config, PluginResolver plugins) {
        BaseLoss base = plugins.create(PluginKind.BASE_LOSS, config.section("base", PluginKind.BASE_LOSS.selectorKey()),
                defaults.base());
        String baseName = base.name().toUpperCase(java.util.Locale.ROOT);
        String label = config.getString("label", config.getBoolean("protect", true) ? "BARRIER (" + baseName + ")"
                : baseName + " on target layers, unprotected");
        List<String> targets = config.getStringList("targets", List.of());

        ActivationExtractor linear = plugins.create(PluginKind.EXTRACTOR,
                config.section("linearExtractor", PluginKind.EXTRACTOR.selectorKey()), defaults.linearExtractor());
        ActivationExtractor conv = plugins.create(PluginKind.EXTRACTOR,
                config.section("convExtractor", PluginKind.EXTRACTOR.selectorKey()), defaults.convExtractor());
        Map<String, ActivationExtractor> perLayer = new LinkedHashMap<>();
        ConfigSection layerExtractors = config.section("layerExtractors");
        for (String layer : layerExtractors.keys()) {
            perLayer.put(layer, plugins.create(PluginKind.EXTRACTOR,
                    layerExtractors.section(layer, PluginKind.EXTRACTOR.selectorKey())));
        }

        TrainingSettings loopDefaults = new TrainingSettings(defaults.epochs(), 0, defaults.batchSize(),
                TrainingSettings.Optimizer.ADAM, defaults.learningRate(), 0.9, 0, defaults.gradientClip(), 1);
        TrainingSettings training = TrainingSections.read(config, loopDefaults);
        BarrierSettings settings = new BarrierSettings(label, training,
                config.getDouble("retainWeight", defaults.retainWeight(), 0, 1e6),
                config.getEnum("batchNorm", BatchNormMode.class, BatchNormMode.EVAL) == BatchNormMode.TRAIN,
                config.getInt("collectionBatchSize", 256, 1, 100_000),
                config.getInt("collectionPasses", 1, 1, 1000),
                config.getDouble("nullClassFraction", 0, 0, 1),
                config.getEnum("nonFinite", NonFinite.class, NonFinite.FAIL) == NonFinite.REPLACE,
                config.getLong("maxProjectedRows", 2_000_000L),
                config.getInt("retainSample", 2000, 0, 10_000_000),
                config.getBoolean("certificate", true),
                config.getDouble("collapseShare", 0.9, 0.01, 1),
                config.getInt("checkEvery", 10, 1, 1_000_000),
                fitFile(config),
                config.getBoolean("protect", true));
        if (settings.maxProjectedRows() < 2) {
            throw config.error("maxProjectedRows", "expected at least 2 rows, got " + settings.maxProjectedRows());
        }

        return new BarrierMethod(settings, targets, config, base, linear, conv, perLayer,
                plugins.create(PluginKind.PROJECTION, config.section("projection", PluginKind.PROJECTION.selectorKey()),
                        defaults.projection()),
                plugins.create(PluginKind.REGION, config.section("region", PluginKind.REGION.selectorKey()),
                        defaults.region()),
                plugins.create(PluginKind.PROTECTION_LOSS,
                        config.section("protection", PluginKind.PROTECTION_LOSS.selectorKey()), defaults.protection()));
    }

    private static Path fitFile(ConfigSection config) {
        String text = config.getString("fitFile", null);
        if (text == null) {
            return null;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            Path base = Path.of(config.location().source()).toAbsolutePath().getParent();
            path = base == null ? path.toAbsolutePath() : base.resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw config.error("fitFile", "file of fitted statistics not found: " + path.normalize());
        }
        return path.normalize();
    }

    @Override
    public String description() {
        return "BARRIER: a base loss plus the protection loss on bounded activation regions; target layers only";
    }

    /** Batch normalisation during unlearning. */
    enum BatchNormMode {
        /** Running statistics stay frozen (the platform's default). */
        EVAL,
        /** Forget batches update the running statistics (the reference's behaviour). */
        TRAIN
    }

    /** What to do with activation rows that hold NaN or infinite values. */
    enum NonFinite {
        /** Refuse to fit, reporting how many rows per layer. */
        FAIL,
        /** Replace such rows by zeros and report how many. */
        REPLACE
    }
}
