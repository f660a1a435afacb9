package dev.barrier.api.model;

/** What a model does; base losses and evaluators state which tasks they support. */
public enum ModelTask {
    /** Maps an image to class logits; models implement {@link Classifier}. */
    CLASSIFICATION,
    /** Predicts the noise in a noised image given a timestep and a class; models implement {@link DiffusionModel}. */
    DIFFUSION
}
