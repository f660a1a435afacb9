package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.runtime.RunContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A latent diffusion model: a {@link Codec} (PCA) and an MLP denoiser over its latent vectors.
 *
 * <p>The codec's constants are parameters of the model's block, so model files and copies include them, but
 * {@link #parameters()} leaves them out: they are fitted, not trained, and no optimiser may change them
 * (weight decay would shrink them even without a gradient). {@link #parameterCount()} therefore counts the
 * denoiser only.
 */
final class LatentDiffusionNetwork extends DiffusionNetwork<LatentDenoiserBlock> {

    private static final Logger LOG = LoggerFactory.getLogger(LatentDiffusionNetwork.class);
    private static final int SAMPLING_CHUNK = 1000;

    private final LatentArchitecture architecture;
    private final Codec codec;
    private final long seed;

    LatentDiffusionNetwork(LatentArchitecture architecture, InputSpec spec, long seed, NDManager manager) {
        this(architecture, spec, seed, manager, architecture.codec().newCodec(spec));
    }

    private LatentDiffusionNetwork(LatentArchitecture architecture, InputSpec spec, long seed, NDManager manager,
            Codec codec) {
        super(architecture, spec, manager, new LatentDenoiserBlock(architecture.hidden(), architecture.blocks(),
                architecture.timeFeatures(), spec.numClasses(), (int) codec.latentShape()[0], codec), seed,
                codec.latentShape());
        this.architecture = architecture;
        this.codec = codec;
        this.seed = seed;
    }

    /** Returns the codec. */
    Codec codec() {
        return codec;
    }

    @Override
    public long[] sampleShape() {
        return codec.latentShape();
    }

    @Override
    public NDArray encode(NDArray images) {
        return codec.encode(images);
    }

    @Override
    public NDArray decode(NDArray samples) {
        return codec.decode(samples);
    }

    /** Returns the denoiser's parameters; the codec's constants are left out (see the class comment). */
    @Override
    public Map<String, Parameter> parameters() {
        List<Parameter> constants = codec.block().getParameters().values();
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        super.parameters().forEach((name, parameter) -> {
            if (!constants.contains(parameter)) {
                trainable.put(name, parameter);
            }
        });
        return trainable;
    }

    /** Fits the codec on {@code data} unless it has been fitted already, in which case it is kept. */
    @Override
    void prepareTraining(Subset data, RunContext context) {
        if (codec.fitted()) {
            LOG.debug("The codec is fitted already; training keeps it");
            return;
        }
        try (NDManager scope = manager().newSubManager()) {
            codec.fit(data, scope, context);
        }
    }

    @Override
    int samplingChunk() {
        return SAMPLING_CHUNK;
    }

    @Override
    double denoisedClip() {
        return Double.NaN;
    }

    @Override
    protected LatentDiffusionNetwork newInstance(NDManager newManager) {
        return new LatentDiffusionNetwork(architecture, inputSpec(), seed, newManager);
    }
}
