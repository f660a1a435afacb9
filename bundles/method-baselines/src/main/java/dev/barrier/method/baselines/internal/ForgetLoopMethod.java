package dev.barrier.method.baselines.internal;

import ai.djl.nn.Parameter;

import dev.barrier.api.data.Subset;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.Divergence;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.nn.ClassifierProbe;
import dev.barrier.nn.UnlearningLoop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline that runs the unlearning loop over the forget set with a base loss and every parameter
 * trainable, optionally followed by a pass of ordinary training on the retain set (the random-label
 * baseline's second phase).
 */
final class ForgetLoopMethod implements UnlearningMethod {

    private final String label;
    private final BaseLoss base;
    private final TrainingSettings training;
    private final int retainEpochs;
    private final double collapseShare;
    private final int checkEvery;

    ForgetLoopMethod(String label, BaseLoss base, TrainingSettings training, int retainEpochs, double collapseShare,
            int checkEvery) {
        this.label = label;
        this.base = base;
        this.training = training;
        this.retainEpochs = retainEpochs;
        this.collapseShare = collapseShare;
        this.checkEvery = checkEvery;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void checkCompatible(ModelAdapter adapter) {
        base.checkSupported(adapter.task());
    }

    @Override
    public MethodOutcome unlearn(UnlearningContext context) {
        long start = System.nanoTime();
        NetworkModel model = context.original().copy();
        try {
            TrainingSettings seeded = training.withSeed(training.seed() ^ context.seed());
            Subset retain = context.split().retain();
            UnlearningLoop.Probe probe = model instanceof Classifier
                    ? new ClassifierProbe(retain.head(512), collapseShare) : null;
            Map<String, Parameter> all = model.parameters();
            UnlearningLoop.Result result = UnlearningLoop.run(context.run(), context.adapter(), model, all,
                    context.split().forget(), retain,
                    new UnlearningLoop.Settings(seeded, 0, false, checkEvery, label), base::compute, probe);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("training", seeded.toMap());
            details.put("epochLosses", result.epochLosses());
            List<String> notes = new ArrayList<>();
            Divergence divergence = result.divergence();
            if (divergence == null && retainEpochs > 0) {
                TrainingSettings retainPass = seeded.withEpochs(retainEpochs);
                TrainingSummary summary = context.adapter().train(model, retain, retainPass, context.run());
                divergence = summary.divergence();
                details.put("retainPassLosses", summary.epochLosses());
                notes.add("followed by " + retainEpochs + " epoch(s) of training on the retain set");
            }
            return new MethodOutcome(model, divergence, (System.nanoTime() - start) / 1e9, List.of(), details, notes);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
