package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.Divergence;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.Seeds;
import dev.barrier.nn.NonFiniteSteps;
import dev.barrier.nn.TrainingStep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of a classifier: epochs over the data in a shuffled order with softmax cross-entropy and
 * one optimiser step per batch, clipping gradients when the settings ask for it. The step updates every
 * parameter that takes gradients. Batch-normalisation running statistics take none, because the forward pass
 * updates them: layers run in training mode, so batch normalisation uses batch statistics.
 *
 * <p>Epoch e shuffles with a seed derived from the settings' seed and e, so equal settings replay the same
 * batches. Training stops after {@code maxSteps} steps when that is positive; with 0 epochs it runs until
 * then. An epoch cut short by the step limit counts as an epoch, with the mean loss over its steps.
 *
 * <p>Divergence is reported, not thrown: a NaN or infinite loss or gradient stops training at that step (the
 * nn library skips the update, so the weights stay as they were), and parameters that are not finite at the
 * end of an epoch stop it there. Weights are checked once per epoch because a non-finite weight makes the
 * next loss non-finite, which the per-step check detects.
 */
final class ClassifierTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTraining.class);

    private final String architecture;
    private final Classifier model;
    private final Subset data;
    private final TrainingSettings settings;
    private final RunContext context;
    private final List<Double> epochLosses = new ArrayList<>();
    private long steps;
    private Divergence divergence;
    private final NonFiniteSteps nonFinite = new NonFiniteSteps();

    ClassifierTraining(String architecture, Classifier model, Subset data, TrainingSettings settings,
            RunContext context) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train " + architecture + " on " + data + ": it has no images");
        }
        this.architecture = architecture;
        this.model = model;
        this.data = data;
        this.settings = settings;
        this.context = context;
    }

    /** Runs the epochs and returns what happened. */
    TrainingSummary run() {
        long start = System.nanoTime();
        Map<String, Parameter> all = model.parameters();
        Map<String, Parameter> trained = new LinkedHashMap<>();
        all.forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                trained.put(name, parameter);
            }
        });
        TrainingStep step = new TrainingStep(all, trained, Optimizers.create(settings), settings.gradientClip());
        LOG.debug("Training {} ({} parameter arrays) on {} with {}", architecture, trained.size(), data,
                settings.toMap());

        try (NDManager scope = model.manager().newSubManager()) {
            for (int epoch = 1; divergence == null && epochAllowed(epoch) && !stepLimitReached(); epoch++) {
                runEpoch(epoch, step, scope);
                if (divergence == null) {
                    checkParameters(epoch, all);
                }
            }
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        if (divergence != null) {
            context.log().warn("Training {} diverged: {}", architecture, divergence);
        }
        LOG.debug("Trained {} for {} epochs, {} steps in {} s", architecture, epochLosses.size(), steps, seconds);
        return new TrainingSummary(epochLosses.size(), steps, epochLosses, seconds, divergence);
    }

    private boolean epochAllowed(int epoch) {
        return settings.epochs() == 0 || epoch <= settings.epochs();
    }

    private boolean stepLimitReached() {
        return settings.maxSteps() > 0 && steps >= settings.maxSteps();
    }

    private void runEpoch(int epoch, TrainingStep step, NDManager scope) {
        long seed = Seeds.derive(settings.seed(), "shuffle epoch " + epoch);
        ImageBatches batches = ImageBatches.shuffled(data, settings.batchSize(), seed, scope);
        long planned = batches.count();
        if (settings.maxSteps() > 0) {
            planned = Math.min(planned, settings.maxSteps() - steps);
        }
        String label = "train " + architecture + ", epoch " + epoch
                + (settings.epochs() > 0 ? "/" + settings.epochs() : "");

        double lossSum = 0;
        int lossCount = 0;
        try (ProgressTask task = context.progress().start(label, planned, "batches")) {
            Iterator<Batch> iterator = batches.iterator();
            while (iterator.hasNext() && !stepLimitReached()) {
                context.checkCancelled();
                TrainingStep.Outcome outcome;
                try (Batch batch = iterator.next()) {
                    outcome = step.run(() -> ClassifierAdapter.crossEntropy(
                            model.logits(batch.images(), true, null), batch.labels()));
                }
                steps++;
                Optional<String> diverged = nonFinite.record(outcome);
                if (diverged.isPresent()) {
                    divergence = new Divergence(epoch, steps, diverged.get());
                    return;
                }
                if (nonFinite.lastSkipped()) {
                    context.log().warn("train {}: step {} skipped: {}", architecture, steps,
                            NonFiniteSteps.describe(outcome));
                    task.step(1);
                    continue;
                }
                lossSum += outcome.loss();
                lossCount++;
                task.step(1);
                task.status(String.format(Locale.ROOT, "loss %.4f", lossSum / lossCount));
            }
        }
        epochLosses.add(lossSum / lossCount);
    }

    /** Records a divergence if a parameter is not finite; the scope closes the masks the check creates. */
    private void checkParameters(int epoch, Map<String, Parameter> all) {
        List<String> bad = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            for (Map.Entry<String, Parameter> entry : all.entrySet()) {
                if (!TrainingStep.nonFinite(List.of(entry.getValue())).isEmpty()) {
                    bad.add(entry.getKey());
                }
            }
        }
        if (!bad.isEmpty()) {
            divergence = new Divergence(epoch, steps, "parameters are not finite: " + String.join(", ", bad));
        }
    }
}
