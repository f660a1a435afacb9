/**
 * Model adapters for class-conditional denoising diffusion models, {@code latent-diffusion} and
 * {@code unet-diffusion}: the denoising networks, the PCA codec of the latent model, the training loop
 * (ε-prediction with class dropout for classifier-free guidance), DDPM and DDIM sampling, and the collection of
 * layer inputs from noised images.
 *
 * <p>Both models use a linear β schedule, predict the noise ε that was added to a sample, and treat class
 * index {@code numClasses} as the null class of classifier-free guidance. Sampling with guidance weight w uses
 * ε = (1 + w) ε(x, c) − w ε(x, ∅).
 */
package dev.barrier.model.diffusion.internal;
