package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDManager;

import dev.barrier.api.model.InputSpec;

import java.util.List;
import java.util.Map;

/** One diffusion architecture with fixed settings: its name, layers and how to build a network. */
interface DiffusionArchitecture {

    /** Returns the architecture name, such as {@code latent-diffusion}. */
    String name();

    /**
     * Returns the settings that determine the parameter shapes and the meaning of the parameters (widths,
     * codec and noise schedule), as written in model file headers.
     */
    Map<String, Object> hyperparameters();

    /** Returns the names of the target layers, in forward order. */
    List<String> layerNames();

    /** Returns the layers unlearning methods target when a configuration names none. */
    List<String> defaultTargets();

    /** Returns the noise schedule settings. */
    ScheduleSettings schedule();

    /**
     * Builds a network with parameters drawn from the engine's random generator seeded with {@code seed}.
     *
     * @param manager owns the parameters and is closed with the network
     * @throws IllegalArgumentException if the input does not suit the architecture
     */
    DiffusionNetwork<?> newNetwork(InputSpec spec, long seed, NDManager manager);
}
