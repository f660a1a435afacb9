package dev.barrier.model.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.testing.ComponentDefaults;

import java.util.Map;

/** Creates the diffusion adapters through their factories, with the configuration defaults and a section. */
final class Adapters {

    private Adapters() {
    }

    /** Returns a {@code latent-diffusion} adapter configured by {@code section}. */
    static DiffusionAdapter latent(Map<String, ?> section) {
        LatentDiffusionFactory factory = new LatentDiffusionFactory(
                ComponentDefaults.of(LatentDiffusionConfiguration.class));
        return (DiffusionAdapter) factory.create(ConfigSection.of(section, "test"), null);
    }

    /** Returns a {@code unet-diffusion} adapter configured by {@code section}. */
    static DiffusionAdapter unet(Map<String, ?> section) {
        UnetDiffusionFactory factory = new UnetDiffusionFactory(ComponentDefaults.of(UnetDiffusionConfiguration.class));
        return (DiffusionAdapter) factory.create(ConfigSection.of(section, "test"), null);
    }
}
