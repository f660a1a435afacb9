package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import dev.barrier.api.data.Subset;
import dev.barrier.api.loss.LossContext;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Divergence;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The unlearning loop shared by methods that iterate over the forget set: for each epoch, for each forget
 * batch, loss = objective + α · task loss on a retain batch; one {@link TrainingStep} over the trained
 * parameters only. Divergence is detected within the epoch: a non-finite loss at any step, non-finite gradients
 * in {@link NonFiniteSteps#LIMIT} steps in a row (an isolated one skips its step),
 * non-finite weights or a failed {@link Probe} every {@code checkEvery} steps and at the end of each epoch.
 * A diverged run stops and reports where. It never throws for divergence.
 */
public final class UnlearningLoop {

    /** Computes the part of the loss that depends on the forget batch (base loss, protection). */
    @FunctionalInterface
    public interface Objective {
        /** Returns a scalar loss for one step. */
        NDArray loss(LossContext context, Batch forgetBatch);
    }

    /** Checks a model between steps, for example for a collapse to one predicted class. */
    @FunctionalInterface
    public interface Probe {
        /** Returns a description of what is wrong, or empty when the model looks healthy. */
        Optional<String> check(NetworkModel model);
    }

    /**
     * Settings of the loop.
     *
     * @param training     optimiser, epochs, batch size, gradient clipping and seed
     * @param retainWeight α, the weight of the task loss on retain batches (0 disables it)
     * @param trainingMode whether layers such as batch normalisation run in training mode
     * @param checkEvery   steps between probe checks (they also run at the end of each epoch)
     * @param label        what the progress display calls the loop, such as {@code BARRIER (GA)}
     */
    public record Settings(TrainingSettings training, double retainWeight, boolean trainingMode, int checkEvery,
            String label) {

        /** Checks the ranges. */
        public Settings {
            if (!(retainWeight >= 0) || Double.isInfinite(retainWeight)) {
                throw new IllegalArgumentException("retainWeight must be finite and >= 0, got " + retainWeight);
            }
            if (checkEvery <= 0) {
                throw new IllegalArgumentException("checkEvery must be positive, got " + checkEvery);
            }
        }
    }

    /**
     * Result of the loop.
     *
     * @param epochs      epochs completed
     * @param steps       optimiser steps taken
     * @param epochLosses mean loss of each completed epoch
     * @param divergence  where it diverged, or null
     * @param skippedSteps steps skipped because their gradient was not finite (see {@link NonFiniteSteps})
     * @param seconds     wall time
     */
    public record Result(int epochs, long steps, List<Double> epochLosses, Divergence divergence, long skippedSteps,
            double seconds) {
    }

    private UnlearningLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param run       the run (progress, cancellation)
     * @param adapter   the model's adapter (task loss for retain batches)
     * @param model     the model to change
     * @param trained   the parameters to update, by name; every other parameter is frozen
     * @param forget    the forget set
     * @param retain    the retain set (used when α &gt; 0 or when the objective draws retain batches)
     * @param settings  how to run
     * @param objective the forget-batch loss
     * @param probe     the check between steps, or null
     */
    public static Result run(RunContext run, ModelAdapter adapter, NetworkModel model, Map<String, Parameter> trained,
            Subset forget, Subset retain, Settings settings, Objective objective, Probe probe) {
        long start = System.nanoTime();
        TrainingSettings training = settings.training();
        TrainingStep step = new TrainingStep(model.parameters(), trained, Optimizers.create(training),
                training.gradientClip());
        Random random = new Random(Seeds.derive(training.seed(), "loop"));
        NonFiniteSteps nonFinite = new NonFiniteSteps();
        List<Double> epochLosses = new ArrayList<>();
        long steps = 0;
        try (NDManager manager = model.manager().newSubManager()) {
            RetainBatches retainBatches = new RetainBatches(retain, training.batchSize(),
                    Seeds.derive(training.seed(), "retain"), manager);
            Context context = new Context(model, adapter, random, settings.trainingMode(), retainBatches);
            for (int epoch = 1; epoch <= training.epochs(); epoch++) {
                ImageBatches batches = ImageBatches.shuffled(forget, training.batchSize(),
                        Seeds.derive(training.seed(), "epoch" + epoch), manager);
                double lossSum = 0;
                int lossCount = 0;
                try (ProgressTask task = run.progress().start(settings.label() + ", epoch " + epoch + "/"
                        + training.epochs(), batches.count(), "batches")) {
                    for (Batch batch : batches) {
                        run.checkCancelled();
                        TrainingStep.Outcome outcome;
                        try (batch) {
                            outcome = step.run(() -> {
                                NDArray loss = objective.loss(context, batch);
                                if (settings.retainWeight() > 0) {
                                    Batch retainBatch = context.nextRetainBatch();
                                    NDArray retainLoss = adapter.taskLoss(model, retainBatch, settings.trainingMode(),
                                            random);
                                    loss = loss.add(retainLoss.mul(Scalars.like(retainLoss, settings.retainWeight())));
                                }
                                return loss;
                            });
                        } finally {
                            retainBatches.closeUsed();
                        }
                        steps++;
                        task.step(1);
                        Optional<String> diverged = nonFinite.record(outcome);
                        if (diverged.isPresent()) {
                            return result(epoch - 1, steps, epochLosses, new Divergence(epoch, steps, diverged.get()),
                                    nonFinite, start);
                        }
                        if (nonFinite.lastSkipped()) {
                            run.log().warn("{}: step {} skipped: {}", settings.label(), steps,
                                    NonFiniteSteps.describe(outcome));
                            continue;
                        }
                        lossSum += outcome.loss();
                        lossCount++;
                        task.status(String.format(Locale.ROOT, "loss %.4f", lossSum / lossCount));
                        if (steps % settings.checkEvery() == 0) {
                            Divergence divergence = check(step, model, probe, epoch, steps);
                            if (divergence != null) {
                                return result(epoch - 1, steps, epochLosses, divergence, nonFinite, start);
                            }
                        }
                        if (training.maxSteps() > 0 && steps >= training.maxSteps()) {
                            break;
                        }
                    }
                }
                Divergence divergence = check(step, model, probe, epoch, steps);
                epochLosses.add(lossCount == 0 ? Double.NaN : lossSum / lossCount);
                if (divergence != null) {
                    return result(epoch, steps, epochLosses, divergence, nonFinite, start);
                }
                if (training.maxSteps() > 0 && steps >= training.maxSteps()) {
                    return result(epoch, steps, epochLosses, null, nonFinite, start);
                }
            }
            return result(training.epochs(), steps, epochLosses, null, nonFinite, start);
        } finally {
            TrainingStep.trainAll(model.parameters());
        }
    }

    private static Divergence check(TrainingStep step, NetworkModel model, Probe probe, int epoch, long steps) {
        List<String> bad = TrainingStep.nonFinite(model.parameters().values());
        if (!bad.isEmpty()) {
            return new Divergence(epoch, steps, "weights are not finite in " + String.join(", ", bad));
        }
        if (probe != null) {
            Optional<String> problem = probe.check(model);
            if (problem.isPresent()) {
                return new Divergence(epoch, steps, problem.get());
            }
        }
        return null;
    }

    private static Result result(int epochs, long steps, List<Double> losses, Divergence divergence,
            NonFiniteSteps nonFinite, long start) {
        return new Result(epochs, steps, List.copyOf(losses), divergence, nonFinite.skipped(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Retain batches in a shuffled order that restarts when exhausted; closes the batches of each step. */
    private static final class RetainBatches {
        private final Subset retain;
        private final int batchSize;
        private final long seed;
        private final NDManager manager;
        private final List<Batch> used = new ArrayList<>();
        private Iterator<Batch> iterator;
        private int round;

        RetainBatches(Subset retain, int batchSize, long seed, NDManager manager) {
            this.retain = retain;
            this.batchSize = batchSize;
            this.seed = seed;
            this.manager = manager;
        }

        Batch next() {
            if (retain == null || retain.size() == 0) {
                throw new IllegalStateException("the retain set is empty, so no retain batch can be drawn");
            }
            if (iterator == null || !iterator.hasNext()) {
                iterator = ImageBatches.shuffled(retain, batchSize, Seeds.derive(seed, "round" + round++), manager)
                        .iterator();
            }
            Batch batch = iterator.next();
            used.add(batch);
            return batch;
        }

        void closeUsed() {
            for (Batch batch : used) {
                batch.close();
            }
            used.clear();
        }
    }

    /** The loss context of the loop. */
    private record Context(NetworkModel model, ModelAdapter adapter, Random random, boolean training,
            RetainBatches retainBatches) implements LossContext {
        @Override
        public Batch nextRetainBatch() {
            return retainBatches.next();
        }
    }
}
