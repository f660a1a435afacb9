package dev.barrier.eval.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.linalg.StreamingMoments;
import dev.barrier.nn.BatchMoments;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Seeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a class-conditional diffusion model by generating {@code samplesPerClass} images of every class and
 * letting the platform's classifier recognise them:
 * <ul>
 * <li>{@value #UA}: 100 minus the percentage of images of the forgotten classes recognised as their class;</li>
 * <li>{@value #RETAIN_RECOGNITION}: the mean over the other classes of the percentage recognised as their class;</li>
 * <li>{@value #FRECHET}: the Fréchet distance between the generated images of the other classes and the real
 * test images of those classes, in the classifier's penultimate features (the input of its {@code head}
 * layer); it is not Inception FID;</li>
 * <li>the series {@value #RECOGNITION_PER_CLASS}: the recognition percentage of each class.</li>
 * </ul>
 * Every model is sampled with the same seeds (class c, batch b: a seed derived from {@code seed}, c and b), so
 * differences between models come from the models. A PNG grid of the first {@value #GRID_SAMPLES} images of
 * each class goes to {@code samples-<model id>.png} in the run's artifacts folder. The notes give the
 * classifier's accuracy on the real test images, the reference for the recognition rates.
 *
 * <p>The classifier is trained on the whole training set (the forget and retain sets together) through
 * {@link RunContext#trainedModel}, which takes it from the platform's model cache after the first time; each
 * evaluation obtains it and frees it afterwards. The statistics of the real images are computed once per split.
 *
 * <p>Note: with the model cache turned off ({@code model.cache: false}), every evaluated model trains the
 * classifier again.
 */
final class DiffusionQualityEvaluator implements Evaluator {

    /** The plug-in name. */
    static final String NAME = "diffusion-quality";
    /** The key of unlearning accuracy. */
    static final String UA = "UA";
    /** The key of the mean recognition of the other classes. */
    static final String RETAIN_RECOGNITION = "retainRecognition";
    /** The key of the Fréchet distance in classifier features. */
    static final String FRECHET = "frechet";
    /** The key of the per-class recognition series. */
    static final String RECOGNITION_PER_CLASS = "recognitionPerClass";
    /** The classifier layer whose input is the feature vector. */
    static final String FEATURE_LAYER = "head";
    /** Images per class in the sample grid. */
    static final int GRID_SAMPLES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DiffusionQualityEvaluator.class);
    private static final int CLASSIFIER_BATCH = 500;

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec(UA, "UA", "%", Boolean.TRUE, true,
                    "Unlearning accuracy: 100 minus the percentage of generated images of the forgotten classes that"
                            + " the classifier recognises as their class."),
            new MetricSpec(RETAIN_RECOGNITION, "Retain recognition", "%", Boolean.TRUE, true,
                    "Mean over the other classes of the percentage of their generated images that the classifier"
                            + " recognises as their class."),
            new MetricSpec(FRECHET, "Frechet distance (classifier features)", "", Boolean.FALSE, false,
                    "Frechet distance between generated and real test images of the other classes in the"
                            + " classifier's penultimate features; not Inception FID."));

    private final QualitySettings settings;
    private final ModelAdapter classifierAdapter;
    private RealImages real;

    DiffusionQualityEvaluator(QualitySettings settings, ModelAdapter classifierAdapter) {
        this.settings = settings;
        this.classifierAdapter = classifierAdapter;
    }

    private Classifier classifier(ForgetSplit split, RunContext run) {
        NetworkModel model = run.trainedModel(classifierAdapter, trainingImages(split), "classifier for " + NAME);
        if (!(model instanceof Classifier classifier)) {
            model.close();
            throw new IllegalArgumentException("the model adapter '" + classifierAdapter.architecture() + "' made a "
                    + model.getClass().getName() + ", which is not a classifier");
        }
        return classifier;
    }

    /**
     * Returns the forget and retain sets together, in dataset order.
     *
     * @throws IllegalArgumentException if they come from different datasets
     */
    static Subset trainingImages(ForgetSplit split) {
        ImageDataset dataset = split.forget().dataset();
        if (split.retain().dataset() != dataset) {
            throw new IllegalArgumentException("the forget set (" + split.forget() + ") and the retain set ("
                    + split.retain() + ") come from different datasets");
        }
        int[] indices = new int[split.forget().size() + split.retain().size()];
        System.arraycopy(split.forget().indices(), 0, indices, 0, split.forget().size());
        System.arraycopy(split.retain().indices(), 0, indices, split.forget().size(), split.retain().size());
        Arrays.sort(indices);
        return new Subset("train", dataset, indices);
    }

    /** The classifier's view of the real test images, computed once per split. */
    private record RealImages(ForgetSplit split, FrechetDistance.Gaussian features, long featureImages,
            double accuracy, long images) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public void checkSupported(ModelTask task) {
        if (task != ModelTask.DIFFUSION) {
            throw new IllegalArgumentException("the " + NAME + " evaluator measures diffusion models; it does not"
                    + " support " + task.name().toLowerCase(Locale.ROOT) + " models");
        }
    }

    /**
     * Measures one diffusion model.
     *
     * @throws IllegalArgumentException if the model is not a diffusion model or was built for another image
     *                                  shape or class count than the data
     * @throws IllegalStateException    if the classifier cannot be trained or cached, or the grid cannot be
     *                                  written
     */
    @Override
    public Evaluation evaluate(EvaluationContext context, EvaluatedModel subject) {
        if (!(subject.model() instanceof DiffusionModel model)) {
            throw new IllegalArgumentException(NAME + " evaluates diffusion models, got " + subject.model().architecture()
                    + " for " + subject.id());
        }
        ForgetSplit split = context.split();
        ImageDataset train = split.forget().dataset();
        InputSpec spec = new InputSpec(train.channels(), train.height(), train.width(), train.numClasses());
        if (!model.inputSpec().equals(spec)) {
            throw new IllegalArgumentException(NAME + ": model " + subject.id() + " was built for " + model.inputSpec()
                    + ", but the data is " + spec);
        }
        boolean[] forgotten = forgottenClasses(split, spec.numClasses());
        RunContext run = context.run();
        long start = System.nanoTime();

        try (Classifier classifier = classifier(split, run)) {
            if (real == null || real.split() != split) {
                real = measureReal(classifier, split, forgotten, run);
            }
            Generated generated = generate(model, classifier, forgotten, subject, run);
            Path grid = run.artifactsFolder().resolve("samples-" + fileName(subject.id()) + ".png");
            try {
                new SampleGrid(spec.channels(), spec.height(), spec.width()).write(grid, generated.gridRows(),
                        Math.min(GRID_SAMPLES, settings.samplesPerClass()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sample grid " + grid, e);
            }

            Map<String, Double> scalars = new LinkedHashMap<>();
            scalars.put(UA, generated.tally().unlearningAccuracy(forgotten));
            scalars.put(RETAIN_RECOGNITION, generated.tally().retainRecognition(forgotten));
            double frechet = Double.NaN;
            if (generated.features().count() >= 2 && real.featureImages() >= 2 && generated.nonFiniteImages() == 0) {
                frechet = FrechetDistance.between(FrechetDistance.Gaussian.of(generated.features()), real.features());
            }
            scalars.put(FRECHET, frechet);
            LOG.debug("{} of {} measured in {} s: {}", NAME, subject.id(), (System.nanoTime() - start) / 1e9, scalars);
            return new Evaluation(scalars, Map.of(RECOGNITION_PER_CLASS, generated.tally().perClass()),
                    notes(generated, forgotten, grid));
        }
    }

    private static boolean[] forgottenClasses(ForgetSplit split, int classes) {
        boolean[] forgotten = new boolean[classes];
        for (int c : split.forgottenClasses()) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException(NAME + ": forgotten class " + c + " is outside the data's classes [0, "
                        + classes + ")");
            }
            forgotten[c] = true;
        }
        return forgotten;
    }

    /** The generated images as the classifier saw them. */
    private record Generated(RecognitionTally tally, StreamingMoments features, List<float[]> gridRows,
            long nonFiniteImages) {
    }

    private Generated generate(DiffusionModel model, Classifier classifier, boolean[] forgotten,
            EvaluatedModel subject, RunContext run) {
        int classes = forgotten.length;
        int perClass = settings.samplesPerClass();
        int batchesPerClass = (perClass + settings.batchSize() - 1) / settings.batchSize();
        RecognitionTally tally = new RecognitionTally(classes);
        StreamingMoments[] features = {null};
        List<float[]> gridRows = new ArrayList<>();
        long nonFinite = 0;
        int gridSamples = Math.min(GRID_SAMPLES, perClass);

        try (ProgressTask task = run.progress().start(NAME + " of " + subject.label(),
                (long) classes * batchesPerClass, "batches")) {
            for (int c = 0; c < classes; c++) {
                for (int b = 0; b < batchesPerClass; b++) {
                    run.checkCancelled();
                    int count = Math.min(settings.batchSize(), perClass - b * settings.batchSize());
                    int[] requested = new int[count];
                    Arrays.fill(requested, c);
                    long seed = Seeds.derive(settings.seed(), NAME + " class " + c + " batch " + b);
                    try (NDManager scope = model.manager().newSubManager()) {
                        NDArray images = model.sample(requested, settings.sampling(), seed, scope);
                        nonFinite += nonFiniteImages(images);
                        NDArray[] penultimate = new NDArray[1];
                        LayerTap tap = (layer, input) -> {
                            if (FEATURE_LAYER.equals(layer)) {
                                penultimate[0] = input;
                            }
                        };
                        long[] predictions = classifier.logits(images, false, tap).argMax(1).toLongArray();
                        tally.add(c, predictions);
                        if (!forgotten[c]) {
                            addFeatures(features, penultimate[0]);
                        }
                        if (b == 0) {
                            gridRows.add(images.get("0:" + gridSamples).toFloatArray());
                        }
                    }
                    task.step(1);
                }
            }
        }
        StreamingMoments moments = features[0] != null ? features[0] : new StreamingMoments(1);
        return new Generated(tally, moments, gridRows, nonFinite);
    }

    private static long nonFiniteImages(NDArray images) {
        NDArray bad = images.isNaN().logicalOr(images.isInfinite()).toType(DataType.INT32, false);
        return bad.reshape(images.getShape().get(0), -1).max(new int[] {1}).toType(DataType.INT64, false).sum()
                .getLong();
    }

    private void addFeatures(StreamingMoments[] moments, NDArray penultimate) {
        if (penultimate == null) {
            throw new IllegalStateException("the " + classifierAdapter.architecture() + " classifier did not pass the"
                    + " input of its '" + FEATURE_LAYER + "' layer to the tap");
        }
        NDArray rows = penultimate.reshape(penultimate.getShape().get(0), -1);
        BatchMoments batch = BatchMoments.of(rows, false);
        if (batch.nonFiniteRows() > 0) {
            return;
        }
        if (moments[0] == null) {
            moments[0] = new StreamingMoments((int) rows.getShape().get(1));
        }
        moments[0].add(batch.count(), batch.mean(), batch.gram());
    }

    private RealImages measureReal(Classifier classifier, ForgetSplit split, boolean[] forgotten, RunContext run) {
        StreamingMoments[] features = {null};
        long images = 0;
        long correct = 0;
        try (NDManager scope = classifier.manager().newSubManager()) {
            for (Subset subset : List.of(split.test(), split.testForget())) {
                for (Batch batch : ImageBatches.inOrder(subset, CLASSIFIER_BATCH, scope)) {
                    try (batch) {
                        run.checkCancelled();
                        NDArray[] penultimate = new NDArray[1];
                        long[] predictions = classifier.logits(batch.images(), false, (layer, input) -> {
                            if (FEATURE_LAYER.equals(layer)) {
                                penultimate[0] = input;
                            }
                        }).argMax(1).toLongArray();
                        long[] labels = batch.labels().toLongArray();
                        boolean[] remaining = new boolean[labels.length];
                        int kept = 0;
                        for (int i = 0; i < labels.length; i++) {
                            images++;
                            if (predictions[i] == labels[i]) {
                                correct++;
                            }
                            remaining[i] = !forgotten[(int) labels[i]];
                            kept += remaining[i] ? 1 : 0;
                        }
                        if (kept > 0) {
                            NDArray rows = penultimate[0] == null || kept == labels.length ? penultimate[0]
                                    : penultimate[0].booleanMask(batch.manager().create(remaining));
                            addFeatures(features, rows);
                        }
                    }
                }
            }
        }
        FrechetDistance.Gaussian gaussian = null;
        long featureImages = features[0] == null ? 0 : features[0].count();
        if (featureImages >= 2) {
            gaussian = FrechetDistance.Gaussian.of(features[0]);
        }
        double accuracy = images == 0 ? Double.NaN : 100.0 * correct / images;
        LOG.debug("{}: the {} classifier recognises {}% of {} real test images", NAME,
                classifierAdapter.architecture(), accuracy, images);
        return new RealImages(split, gaussian, featureImages, accuracy, images);
    }

    private List<String> notes(Generated generated, boolean[] forgotten, Path grid) {
        List<String> notes = new ArrayList<>();
        String classifier = classifierAdapter.architecture();
        notes.add(String.format(Locale.ROOT, "%s: the %s classifier recognises %.2f%% of the %d real test images,"
                + " the reference for the recognition rates", NAME, classifier, real.accuracy(), real.images()));
        notes.add(String.format(Locale.ROOT, "%s: %s is the Frechet distance between %d generated and %d real test"
                + " images of the remaining classes in the %s classifier's penultimate features (the input of its"
                + " %s layer); it is not Inception FID and not comparable with published FID values", NAME, FRECHET,
                generated.features().count(), real.featureImages(), classifier, FEATURE_LAYER));
        boolean anyForgotten = false;
        for (boolean f : forgotten) {
            anyForgotten |= f;
        }
        if (!anyForgotten) {
            notes.add(NAME + ": no whole class is forgotten, so UA is undefined (NaN)");
        }
        if (generated.nonFiniteImages() > 0) {
            notes.add(NAME + ": " + generated.nonFiniteImages() + " generated images hold NaN or infinite values;"
                    + " their recognition is meaningless and the Frechet distance is undefined (NaN)");
        }
        notes.add(NAME + ": sample grid " + grid.getFileName());
        return notes;
    }

    /** Returns {@code id} with every character other than letters, digits, '.', '_' and '-' replaced by '-'. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    @Override
    public String toString() {
        return NAME + " (" + settings + ", classifier " + classifierAdapter.architecture() + ")";
    }
}
