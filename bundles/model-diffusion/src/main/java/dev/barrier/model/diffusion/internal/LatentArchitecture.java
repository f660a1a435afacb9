package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDManager;

import dev.barrier.api.model.InputSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code latent-diffusion} architecture: a codec that maps images to latent vectors, and an MLP denoiser
 * ({@link LatentDenoiserBlock}) of width {@code hidden} with {@code blocks} residual blocks.
 *
 * @param hidden       the width of the denoiser's hidden layers
 * @param blocks       the number of residual blocks
 * @param timeFeatures the number of sinusoidal timestep features (even)
 * @param codec        the codec settings
 * @param schedule     the noise schedule
 */
record LatentArchitecture(int hidden, int blocks, int timeFeatures, CodecSettings codec, ScheduleSettings schedule)
        implements DiffusionArchitecture {

    /** The architecture name. */
    static final String NAME = "latent-diffusion";

    /** Checks the values. */
    LatentArchitecture {
        if (hidden < 1 || blocks < 1) {
            throw new IllegalArgumentException("hidden width and block count must be positive, got " + hidden
                    + " and " + blocks);
        }
        if (timeFeatures < 2 || timeFeatures % 2 != 0) {
            throw new IllegalArgumentException("timeFeatures must be an even number of at least 2, got "
                    + timeFeatures);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hidden", hidden);
        map.put("blocks", blocks);
        map.put("timeFeatures", timeFeatures);
        codec.putInto(map);
        schedule.putInto(map);
        return map;
    }

    @Override
    public List<String> layerNames() {
        return LatentDenoiserBlock.targetNames(blocks);
    }

    /**
     * Returns fc1 and fc2 of every residual block, because their inputs depend on the noisy sample. The class
     * embedding and its projection are left out on purpose. Their inputs see only the class, so with one
     * forget class their activation rows take one or two distinct values (the class and the null class), and
     * the statistics of such rows are degenerate.
     */
    @Override
    public List<String> defaultTargets() {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= blocks; i++) {
            targets.add("block" + i + ".fc1");
            targets.add("block" + i + ".fc2");
        }
        return targets;
    }

    @Override
    public LatentDiffusionNetwork newNetwork(InputSpec spec, long seed, NDManager manager) {
        return new LatentDiffusionNetwork(this, spec, seed, manager);
    }
}
