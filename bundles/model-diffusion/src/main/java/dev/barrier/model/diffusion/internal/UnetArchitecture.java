package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDManager;

import dev.barrier.api.model.InputSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code unet-diffusion} architecture: a pixel-space conditional UNet ({@link UnetBlock}). Images in
 * [0, 1] are mapped to [−1, 1] for the denoiser and back, and predicted clean images are clipped to [−1, 1]
 * while sampling.
 *
 * @param width     the channel count of the first level (even, because it is also the number of sinusoidal
 *                  timestep features)
 * @param levels    the number of resolutions; image height and width must be divisible by 2^(levels − 1)
 * @param attention the first level (1 = full resolution) from which on the down and up paths have attention
 *                  blocks, or 0 for attention in the middle block only
 * @param schedule  the noise schedule
 */
record UnetArchitecture(int width, int levels, int attention, ScheduleSettings schedule)
        implements DiffusionArchitecture {

    /** The architecture name. */
    static final String NAME = "unet-diffusion";

    /** Checks the values. */
    UnetArchitecture {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("width must be an even number of at least 2, got " + width);
        }
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, got " + levels);
        }
        if (attention < 0 || attention > levels) {
            throw new IllegalArgumentException("attention must be 0 (middle block only) or a level from 1 to "
                    + levels + ", got " + attention);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("width", width);
        map.put("levels", levels);
        map.put("attention", attention);
        schedule.putInto(map);
        return map;
    }

    /** Builds the block's layer objects (no parameters are allocated) and reads their names. */
    @Override
    public List<String> layerNames() {
        return new UnetBlock(width, levels, attention, 1, 1).targetNames();
    }

    /**
     * Returns the query, key and value projections of the middle attention block: 1x1 convolutions whose
     * inputs depend on the noisy image and the conditioning, at the lowest resolution.
     */
    @Override
    public List<String> defaultTargets() {
        return List.of("mid.attention.q", "mid.attention.k", "mid.attention.v");
    }

    /**
     * Builds a network.
     *
     * @throws IllegalArgumentException if the image height or width is not divisible by 2^(levels − 1)
     */
    @Override
    public UnetDiffusionNetwork newNetwork(InputSpec spec, long seed, NDManager manager) {
        int factor = 1 << (levels - 1);
        if (spec.height() % factor != 0 || spec.width() % factor != 0) {
            throw new IllegalArgumentException(NAME + " with " + levels + " levels halves the image size "
                    + (levels - 1) + " times, so height and width must be divisible by " + factor + ", got "
                    + spec.height() + "x" + spec.width());
        }
        return new UnetDiffusionNetwork(this, spec, seed, manager);
    }
}
