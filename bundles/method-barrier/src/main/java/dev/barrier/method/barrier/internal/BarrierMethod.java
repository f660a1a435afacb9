package dev.barrier.method.barrier.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.Subset;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.loss.ProtectionLoss;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerType;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.region.RegionBuilder;
import dev.barrier.api.region.RegionInput;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.nn.ClassifierProbe;
import dev.barrier.nn.Seeds;
import dev.barrier.nn.UnlearningLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BARRIER: fits the forget set's activation statistics at each target layer, projects them onto their
 * principal directions and wraps the projected forget rows in a region. It then unlearns with a base loss plus
 * the protection loss, updating only the target layers' weights and biases, and afterwards states a
 * certificate per protected map.
 *
 * <p>Steps: (1) a pass over the forget set in evaluation mode streams each target layer's activation rows
 * into count, mean and centred Gram matrix; (2) the projection strategy fits U_f; (3) a second pass replaying
 * the same inputs projects the rows, z = U_f (x − μ), and the region builder fits the boxes (retain rows
 * from a sample give the bounds when the builder asks for them); (4) the unlearning loop; (5) the
 * certificate on a retain sample, with layer inputs from the original model.
 */
final class BarrierMethod implements UnlearningMethod {

    private final BarrierSettings settings;
    private final List<String> configuredTargets;
    private final ConfigSection section;
    private final BaseLoss base;
    private final ActivationExtractor linearExtractor;
    private final ActivationExtractor convExtractor;
    private final Map<String, ActivationExtractor> layerExtractors;
    private final ProjectionStrategy projection;
    private final RegionBuilder regionBuilder;
    private final ProtectionLoss protection;
    private List<String> targets;

    BarrierMethod(BarrierSettings settings, List<String> configuredTargets, ConfigSection section, BaseLoss base,
            ActivationExtractor linearExtractor, ActivationExtractor convExtractor,
            Map<String, ActivationExtractor> layerExtractors, ProjectionStrategy projection, RegionBuilder regionBuilder,
            ProtectionLoss protection) {
        this.settings = settings;
        this.configuredTargets = List.copyOf(configuredTargets);
        this.section = section;
        this.base = base;
        this.linearExtractor = linearExtractor;
        this.convExtractor = convExtractor;
        this.layerExtractors = Map.copyOf(layerExtractors);
        this.projection = projection;
        this.regionBuilder = regionBuilder;
        this.protection = protection;
    }

    @Override
    public String label() {
        return settings.label();
    }

    @Override
    public void checkCompatible(ModelAdapter adapter) {
        try {
            base.checkSupported(adapter.task());
        } catch (IllegalArgumentException e) {
            throw section.error("base", e.getMessage());
        }
        List<String> layers = adapter.layerNames();
        List<String> chosen = configuredTargets.isEmpty() ? adapter.defaultTargets() : configuredTargets;
        if (chosen.isEmpty()) {
            throw section.error("targets", "no target layers: name them under 'targets'; layers of "
                    + adapter.architecture() + ": " + String.join(", ", layers));
        }
        for (String target : chosen) {
            if (!layers.contains(target)) {
                throw section.error("targets", "model " + adapter.architecture() + " has no layer '" + target
                        + "'; layers: " + String.join(", ", layers));
            }
        }
        if (chosen.stream().distinct().count() != chosen.size()) {
            throw section.error("targets", "a layer is named twice in " + chosen);
        }
        for (String layer : layerExtractors.keySet()) {
            if (!chosen.contains(layer)) {
                throw section.error("layerExtractors", "'" + layer + "' is not a target layer; targets: "
                        + String.join(", ", chosen));
            }
        }
        targets = List.copyOf(chosen);
        section.recordResolved("targets", targets);
    }

    @Override
    public MethodOutcome unlearn(UnlearningContext context) {
        if (targets == null) {
            checkCompatible(context.adapter());
        }
        long start = System.nanoTime();
        RunLog log = context.run().log();
        NetworkModel model = context.original().copy();
        try (protection) {
            List<LayerFit> fits = settings.protect() ? layerFits(model) : List.of();
            Path fitFile = null;
            if (settings.protect()) {
                if (settings.fitFile() != null) {
                    FitFiles.restore(settings.fitFile(), fits);
                    log.info("{}: fitted statistics loaded from {}", settings.label(), settings.fitFile());
                } else {
                    fit(context, model, fits, log);
                }
                fitFile = FitFiles.save(fits, context.run().artifactsFolder(), context.methodId());
                List<ProtectedLayer> protectedLayers = new ArrayList<>();
                for (LayerFit fit : fits) {
                    protectedLayers.add(new ProtectedLayer(fit.layer, fit.group, fit.extractor, fit.projection,
                            fit.region));
                }
                protection.prepare(protectedLayers, model);
            }

            Map<String, Parameter> trained = targetParameters(model);
            TrainingSettings training = settings.training().withSeed(settings.training().seed() ^ context.seed());
            Subset retain = context.split().retain();
            UnlearningLoop.Probe probe = model instanceof Classifier
                    ? new ClassifierProbe(retain.head(512), settings.collapseShare()) : null;
            log.info("{}: unlearning {} parameters of {} for {} epochs with base loss {} and {}", settings.label(),
                    trained.values().stream().mapToLong(p -> p.getArray().size()).sum(), String.join(", ", targets),
                    training.epochs(), base.name(),
                    settings.protect() ? "protection loss " + protection.name() : "no protection");
            UnlearningLoop.Objective objective = settings.protect()
                    ? (lossContext, batch) -> base.compute(lossContext, batch).add(protection.compute(model))
                    : base::compute;
            UnlearningLoop.Result result = UnlearningLoop.run(context.run(), context.adapter(), model, trained,
                    context.split().forget(), retain,
                    new UnlearningLoop.Settings(training, settings.retainWeight(), settings.batchNormTraining(),
                            settings.checkEvery(), settings.label()),
                    objective, probe);
            Map<String, Double> terms = settings.protect() ? protection.lastTerms() : Map.of();

            List<LayerCertificate> certificate = List.of();
            if (settings.protect() && settings.certificate() && result.divergence() == null) {
                certificate = CertificateStep.compute(context, context.original(), model, fits, settings, log);
            }
            return new MethodOutcome(model, result.divergence(), (System.nanoTime() - start) / 1e9, certificate,
                    details(fits, training, result, terms, fitFile, context), notes(fits));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private List<LayerFit> layerFits(NetworkModel model) {
        List<LayerFit> fits = new ArrayList<>();
        for (String target : targets) {
            LayerInfo layer = model.layer(target);
            ActivationExtractor extractor = extractorFor(layer);
            try {
                extractor.checkSupported(layer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + target + " cannot use extractor " + extractor.name() + ": "
                        + e.getMessage(), e);
            }
            for (int group = 0; group < extractor.groups(layer); group++) {
                fits.add(new LayerFit(layer, group, extractor));
            }
        }
        return fits;
    }

    private ActivationExtractor extractorFor(LayerInfo layer) {
        ActivationExtractor specific = layerExtractors.get(layer.name());
        if (specific != null) {
            return specific;
        }
        return layer.type() == LayerType.LINEAR ? linearExtractor : convExtractor;
    }

    /** Runs the two passes over the forget set (and the retain sample if needed) and fits regions. */
    private void fit(UnlearningContext context, NetworkModel model, List<LayerFit> fits, RunLog log) {
        ModelAdapter adapter = context.adapter();
        Subset forget = context.split().forget();
        long collectionSeed = Seeds.derive(context.seed(), "collection");
        CollectionSettings collection = new CollectionSettings(settings.collectionBatchSize(),
                settings.collectionPasses(), collectionSeed, settings.nullClassFraction());
        Map<String, List<LayerFit>> byLayer = new LinkedHashMap<>();
        for (LayerFit fit : fits) {
            byLayer.computeIfAbsent(fit.layer.name(), k -> new ArrayList<>()).add(fit);
        }

        adapter.collectLayerInputs(model, forget, targets, collection, (layer, input) -> {
            for (LayerFit fit : byLayer.get(layer)) {
                fit.accumulate(input, settings.replaceNonFinite());
            }
        }, context.run());
        checkRows(fits, log);

        for (LayerFit fit : fits) {
            fit.startProjection(projection.fit(fit.moments.toStatistics(fit.name(), fit.nonFiniteRows)),
                    settings.maxProjectedRows());
        }
        try (NDManager manager = model.manager().newSubManager()) {
            adapter.collectLayerInputs(model, forget, targets, collection, (layer, input) -> {
                for (LayerFit fit : byLayer.get(layer)) {
                    fit.project(input, settings.replaceNonFinite(), manager);
                }
            }, context.run());
            if (regionBuilder.needsRetainBounds()) {
                Subset sample = CertificateStep.retainSample(context.split().retain(), settings.retainSample(),
                        Seeds.derive(context.seed(), "retain-sample"));
                if (sample.size() == 0) {
                    throw new IllegalArgumentException("region builder " + regionBuilder.name()
                            + " needs retain rows, but retainSample is 0");
                }
                adapter.collectLayerInputs(model, sample, targets, collection, (layer, input) -> {
                    for (LayerFit fit : byLayer.get(layer)) {
                        fit.retainBounds(input, manager);
                    }
                }, context.run());
            }
        }
        for (LayerFit fit : fits) {
            fit.region = regionBuilder.build(new RegionInput(fit.projection, fit.projectedColumns(), fit.retainMin,
                    fit.retainMax));
            fit.releaseColumns();
            log.info("{}: layer {} fitted: {} rows of width {}, {} forget directions, residual rank {}, mode {}",
                    settings.label(), fit.name(), fit.moments.count(), fit.projection.width(),
                    fit.projection.reducedDim(), fit.projection.residualRank(),
                    fit.region.mode().name().toLowerCase(Locale.ROOT));
            fit.extractor.limitation(fit.layer).ifPresent(note -> log.warn("{}: layer {}: {}", settings.label(),
                    fit.name(), note));
        }
    }

    private void checkRows(List<LayerFit> fits, RunLog log) {
        List<String> problems = new ArrayList<>();
        for (LayerFit fit : fits) {
            if (fit.nonFiniteRows > 0 && !settings.replaceNonFinite()) {
                problems.add("layer " + fit.name() + ": " + fit.nonFiniteRows + " of " + fit.rowsSeen
                        + " activation rows are not finite (NaN or infinite)");
            } else if (fit.nonFiniteRows > 0) {
                log.warn("{}: layer {}: replaced {} of {} non-finite activation rows by zeros", settings.label(),
                        fit.name(), fit.nonFiniteRows, fit.rowsSeen);
            }
            if (fit.moments.count() == 0) {
                problems.add("layer " + fit.name() + " received no activation rows from the forget set");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems)
                    + (problems.stream().anyMatch(p -> p.contains("not finite"))
                            ? "; set nonFinite: replace to replace such rows by zeros" : ""));
        }
    }

    /** Returns the weights and biases of the target layers, by their names in the model. */
    private Map<String, Parameter> targetParameters(NetworkModel model) {
        Map<Parameter, Boolean> targetSet = new IdentityHashMap<>();
        for (String target : targets) {
            targetSet.put(model.weight(target), Boolean.TRUE);
            model.bias(target).ifPresent(b -> targetSet.put(b, Boolean.TRUE));
        }
        Map<String, Parameter> trained = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : model.parameters().entrySet()) {
            if (targetSet.containsKey(entry.getValue())) {
                trained.put(entry.getKey(), entry.getValue());
            }
        }
        if (trained.size() != targetSet.size()) {
            throw new IllegalStateException("found " + trained.size() + " of the " + targetSet.size()
                    + " target parameters among the model's parameters");
        }
        return trained;
    }

    private Map<String, Object> details(List<LayerFit> fits, TrainingSettings training, UnlearningLoop.Result result,
            Map<String, Double> terms, Path fitFile, UnlearningContext context) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (fitFile != null) {
            details.put("fittedStatistics", context.run().runFolder().relativize(fitFile).toString());
        }
        details.put("targets", targets);
        details.put("training", training.toMap());
        details.put("epochLosses", result.epochLosses());
        details.put("steps", result.steps());
        details.put("skippedSteps", result.skippedSteps());
        details.put("finalProtectionTerms", terms);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerFit fit : fits) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", fit.name());
            layer.put("extractor", fit.extractor.name());
            layer.put("rows", fit.projection.rowCount());
            layer.put("width", fit.projection.width());
            layer.put("forgetDirections", fit.projection.reducedDim());
            layer.put("residualRank", fit.projection.residualRank());
            layer.put("projectedRowStride", fit.projectedStride);
            layer.put("mode", fit.region.mode().name().toLowerCase(Locale.ROOT));
            layer.put("meanBoxWidth", meanWidth(fit.region.forgetLow(), fit.region.forgetHigh()));
            layer.put("meanOuterWidth", meanWidth(fit.region.outerLow(), fit.region.outerHigh()));
            layers.add(layer);
        }
        details.put("layers", layers);
        return details;
    }

    private static double meanWidth(double[] low, double[] high) {
        double sum = 0;
        for (int i = 0; i < low.length; i++) {
            sum += high[i] - low[i];
        }
        return low.length == 0 ? 0 : sum / low.length;
    }

    private List<String> notes(List<LayerFit> fits) {
        List<String> notes = new ArrayList<>();
        String layers = String.join(", ", targets);
        notes.add(settings.batchNormTraining()
                ? "the trained parameters were the weights and biases of " + layers + "; batch normalisation ran in"
                        + " training mode (reference behaviour), so the running statistics of every batch"
                        + " normalisation layer moved towards the unlearning batches as well"
                : "only the weights and biases of " + layers + " changed; batch normalisation ran in evaluation mode");
        if (!settings.protect()) {
            notes.add("protection was off: the base loss alone, on the same target layers");
        }
        for (LayerFit fit : fits) {
            fit.extractor.limitation(fit.layer).ifPresent(note -> notes.add(fit.name() + ": " + note));
            if (fit.projectedStride > 1) {
                notes.add(fit.name() + ": the region's quantiles used every " + fit.projectedStride + "th of "
                        + fit.moments.count() + " forget rows");
            }
        }
        return notes;
    }
}
