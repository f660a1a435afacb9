package dev.barrier.model.diffusion.internal;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.testing.TestRunContext;

import java.util.Map;

/** Small models for tests: narrow latent models with few codec components and a tiny UNet. */
final class TinyModels {

    /** The input of Fashion-MNIST. */
    static final InputSpec FASHION = new InputSpec(1, 28, 28, 10);

    private TinyModels() {
    }

    /** Returns a latent adapter with width 32, 2 blocks, 16 timestep features and 4 codec components. */
    static DiffusionAdapter latentAdapter() {
        return Adapters.latent(Map.of("hidden", 32, "blocks", 2, "timeFeatures", 16, "codec", Map.of("components", 4)));
    }

    /** Returns a latent adapter like {@link #latentAdapter()} with {@code components} codec components. */
    static DiffusionAdapter latentAdapter(int components) {
        return Adapters.latent(Map.of("hidden", 32, "blocks", 2, "timeFeatures", 16, "codec",
                Map.of("components", components)));
    }

    /** Creates a latent model for {@code data} and fits its codec on all of it. */
    static LatentDiffusionNetwork fittedLatent(DiffusionAdapter adapter, ImageDataset data, long seed,
            TestRunContext context) {
        InputSpec spec = new InputSpec(data.channels(), data.height(), data.width(), data.numClasses());
        LatentDiffusionNetwork model = (LatentDiffusionNetwork) adapter.create(spec, seed);
        model.prepareTraining(Subset.all("fit", data), context);
        return model;
    }

    /** Returns a UNet adapter of width 8 with 2 levels and attention on level 2. */
    static DiffusionAdapter unetAdapter() {
        return Adapters.unet(Map.of("width", 8, "levels", 2, "attention", 2));
    }
}
