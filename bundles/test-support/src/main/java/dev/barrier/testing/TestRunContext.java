package dev.barrier.testing;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.torch.TorchRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run context for unit tests. Its folders are {@code artifacts} and {@code cache} inside a given run folder,
 * created when first requested, so a context over a folder that the code under test never writes to leaves that
 * folder as it was. The log ({@link RecordedLog}) and the progress display ({@link RecordedProgress}) record what
 * they receive, {@link #trainedModel} records each request and trains without a cache, and
 * {@link #checkCancelled()} throws once the test has cancelled the run.
 *
 * <p>There is no tensor engine service: {@link #torch()} throws, and code under test uses DJL's default engine.
 */
public final class TestRunContext implements RunContext {

    /**
     * One call of {@link TestRunContext#trainedModel}.
     *
     * @param architecture the adapter's architecture, such as {@code small-cnn}
     * @param images       the number of images in the training data
     * @param purpose      the purpose the caller passed, such as {@code classifier for diffusion-quality}
     */
    public record TrainedModelRequest(String architecture, int images, String purpose) {
    }

    private final Path folder;
    private final long seed;
    private final RecordedLog log = new RecordedLog();
    private final RecordedProgress progress = new RecordedProgress();
    private final List<TrainedModelRequest> trainedModelRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong checks = new AtomicLong();
    private volatile long allowedChecks = Long.MAX_VALUE;

    /**
     * Creates a context whose run folder is {@code folder} and whose base seed is {@code seed}. Nothing is
     * created on disk until {@link #artifactsFolder()} or {@link #cacheFolder()} is called, which creates that
     * folder and, if missing, the run folder.
     */
    public TestRunContext(Path folder, long seed) {
        this.folder = folder;
        this.seed = seed;
    }

    /** Returns every log line so far, each starting with its level, as {@link RecordedLog#lines()} does. */
    public List<String> logLines() {
        return log.lines();
    }

    /** Returns the labels of the progress tasks started so far, as {@link RecordedProgress#labels()} does. */
    public List<String> progressLabels() {
        return progress.labels();
    }

    /** Returns the calls of {@link #trainedModel} so far, in order. */
    public List<TrainedModelRequest> trainedModelRequests() {
        return List.copyOf(trainedModelRequests);
    }

    /** Makes every later {@link #checkCancelled()} throw. */
    public void cancel() {
        allowedChecks = 0;
    }

    /**
     * Makes {@link #checkCancelled()} return for its first {@code allowed} calls, counted since this context was
     * created, and throw from then on.
     *
     * @return this context
     * @throws IllegalArgumentException if {@code allowed} is negative
     */
    public TestRunContext cancelAfter(long allowed) {
        if (allowed < 0) {
            throw new IllegalArgumentException("allowed checks must be 0 or more, got " + allowed);
        }
        allowedChecks = allowed;
        return this;
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public Path runFolder() {
        return folder;
    }

    @Override
    public Path artifactsFolder() {
        return created(folder.resolve("artifacts"));
    }

    @Override
    public Path cacheFolder() {
        return created(folder.resolve("cache"));
    }

    @Override
    public long seed() {
        return seed;
    }

    /**
     * Throws, because unit tests run without the tensor engine service.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public TorchRuntime torch() {
        throw new UnsupportedOperationException("unit tests have no tensor engine service; the code under test"
                + " uses DJL's default engine");
    }

    @Override
    public RecordedLog log() {
        return log;
    }

    @Override
    public RecordedProgress progress() {
        return progress;
    }

    /** Records the request, then trains a model as a context without a model cache does. */
    @Override
    public NetworkModel trainedModel(ModelAdapter adapter, Subset data, String purpose) {
        trainedModelRequests.add(new TrainedModelRequest(adapter.architecture(), data.size(), purpose));
        return RunContext.super.trainedModel(adapter, data, purpose);
    }

    /**
     * Counts the call and throws once the test's limit set by {@link #cancel()} or {@link #cancelAfter} is passed.
     *
     * @throws CancellationException when the test cancelled the run
     */
    @Override
    public void checkCancelled() {
        long check = checks.incrementAndGet();
        long allowed = allowedChecks;
        if (check > allowed) {
            throw new CancellationException("the test cancelled the run at check " + check + " (" + allowed
                    + " allowed)");
        }
    }

    private static Path created(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create the test run folder " + path, e);
        }
    }
}
