package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.Divergence;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.Seeds;
import dev.barrier.nn.TrainingStep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of a diffusion model: epochs over the data in a shuffled order, the noise-prediction loss
 * of {@link DiffusionAdapter#taskLoss} in training mode (so with class dropout), and one optimiser step per
 * batch over every parameter the model lists in {@link DiffusionModel#parameters()}, with gradient clipping
 * when the settings ask for it.
 *
 * <p>Epoch e shuffles with a seed derived from the settings' seed and e; timesteps, noise and class dropping
 * come from one generator seeded from the settings' seed, so equal settings replay the same run. Training stops
 * after {@code maxSteps} steps when that is positive; with 0 epochs it runs until then. An epoch cut short by
 * the step limit counts as an epoch, with the mean loss over its steps.
 *
 * <p>Divergence is reported, not thrown: a NaN or infinite loss stops training at that step (the nn library
 * skips the update, so the weights stay as they were), as do {@value #MAX_CONSECUTIVE_SKIPS} steps in a row
 * whose loss is finite but whose gradient is not, and parameters that are not finite at the end of an epoch.
 *
 * <p>Note: a single step with a finite loss and a non-finite gradient is skipped (its batch is dropped, the
 * weights stay as they were) and training goes on. A warning in the run log gives the number of skipped steps. Such a step
 * was seen once, at step 2179 of a 6,000-step run of the default latent model on Fashion-MNIST; rerunning with
 * the same seed gave finite gradients at that step with the same loss, so its cause was not in the model or the
 * data.
 */
final class DiffusionTraining {

    /** Consecutive steps with a finite loss and a non-finite gradient after which training counts as diverged. */
    static final int MAX_CONSECUTIVE_SKIPS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DiffusionTraining.class);

    private final DiffusionAdapter adapter;
    private final DiffusionModel model;
    private final Subset data;
    private final TrainingSettings settings;
    private final RunContext context;
    private final List<Double> epochLosses = new ArrayList<>();
    private long steps;
    private long skippedSteps;
    private int consecutiveSkips;
    private Divergence divergence;

    DiffusionTraining(DiffusionAdapter adapter, DiffusionModel model, Subset data, TrainingSettings settings,
            RunContext context) {
        this.adapter = adapter;
        this.model = model;
        this.data = data;
        this.settings = settings;
        this.context = context;
    }

    /** Runs the epochs and returns what happened. */
    TrainingSummary run() {
        long start = System.nanoTime();
        Map<String, Parameter> trained = model.parameters();
        TrainingStep step = new TrainingStep(trained, trained, Optimizers.create(settings), settings.gradientClip());
        Random random = new Random(Seeds.derive(settings.seed(), "diffusion training noise"));
        long batchesPerEpoch = (data.size() + settings.batchSize() - 1) / settings.batchSize();
        long planned = settings.epochs() > 0 ? settings.epochs() * batchesPerEpoch : settings.maxSteps();
        if (settings.maxSteps() > 0) {
            planned = Math.min(planned, settings.maxSteps());
        }
        LOG.debug("Training {} ({} parameter arrays) on {} with {}", model.architecture(), trained.size(), data,
                settings.toMap());

        String label = "train " + model.architecture() + " on " + data.size() + " images";
        try (NDManager scope = model.manager().newSubManager();
                ProgressTask task = context.progress().start(label, planned, "steps")) {
            for (int epoch = 1; divergence == null && epochAllowed(epoch) && !stepLimitReached(); epoch++) {
                runEpoch(epoch, step, random, scope, task);
                if (divergence == null) {
                    checkParameters(epoch, trained);
                }
            }
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        if (skippedSteps > 0) {
            context.log().warn("Training {} skipped {} of {} steps because their gradient was not finite",
                    model.architecture(), skippedSteps, steps);
        }
        if (divergence != null) {
            context.log().warn("Training {} diverged: {}", model.architecture(), divergence);
        }
        LOG.debug("Trained {} for {} epochs, {} steps in {} s", model.architecture(), epochLosses.size(), steps,
                seconds);
        return new TrainingSummary(epochLosses.size(), steps, epochLosses, seconds, divergence);
    }

    private boolean epochAllowed(int epoch) {
        return settings.epochs() == 0 || epoch <= settings.epochs();
    }

    private boolean stepLimitReached() {
        return settings.maxSteps() > 0 && steps >= settings.maxSteps();
    }

    private void runEpoch(int epoch, TrainingStep step, Random random, NDManager scope, ProgressTask task) {
        long seed = Seeds.derive(settings.seed(), "shuffle epoch " + epoch);
        ImageBatches batches = ImageBatches.shuffled(data, settings.batchSize(), seed, scope);
        double lossSum = 0;
        int lossCount = 0;
        Iterator<Batch> iterator = batches.iterator();
        while (iterator.hasNext() && !stepLimitReached()) {
            context.checkCancelled();
            TrainingStep.Outcome outcome;
            try (Batch batch = iterator.next()) {
                outcome = step.run(() -> adapter.taskLoss(model, batch, true, random));
            }
            steps++;
            if (outcome.nonFinite()) {
                boolean finiteLoss = Double.isFinite(outcome.loss());
                consecutiveSkips++;
                if (!finiteLoss || consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                    divergence = new Divergence(epoch, steps, describe(outcome)
                            + (finiteLoss ? " in " + consecutiveSkips + " consecutive steps" : ""));
                    return;
                }
                skippedSteps++;
                LOG.debug("Skipping step {}: {}", steps, describe(outcome));
                task.step(1);
                continue;
            }
            consecutiveSkips = 0;
            lossSum += outcome.loss();
            lossCount++;
            task.step(1);
            task.status(String.format(Locale.ROOT, "epoch %d, loss %.4f", epoch, lossSum / lossCount));
        }
        epochLosses.add(lossCount > 0 ? lossSum / lossCount : Double.NaN);
    }

    private static String describe(TrainingStep.Outcome outcome) {
        if (!Double.isFinite(outcome.loss())) {
            return "loss is " + nonFiniteWord(outcome.loss());
        }
        return "gradient norm is " + nonFiniteWord(outcome.gradientNorm()) + " (loss " + outcome.loss() + ")";
    }

    private static String nonFiniteWord(double value) {
        return Double.isNaN(value) ? "NaN" : "infinite";
    }

    private void checkParameters(int epoch, Map<String, Parameter> trained) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : trained.entrySet()) {
            if (!TrainingStep.nonFinite(List.of(entry.getValue())).isEmpty()) {
                bad.add(entry.getKey());
            }
        }
        if (!bad.isEmpty()) {
            divergence = new Divergence(epoch, steps, "parameters are not finite: " + String.join(", ", bad));
        }
    }
}
