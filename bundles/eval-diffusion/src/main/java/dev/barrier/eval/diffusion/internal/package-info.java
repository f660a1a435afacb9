/**
 * The {@code diffusion-quality} evaluator: it generates samples of every class with a diffusion model, lets
 * the platform's image classifier recognise them, and measures how well the forgotten classes are erased (UA),
 * how well the other classes are still generated, and how far the generated images of the other classes are
 * from real ones in the classifier's feature space (a Fréchet distance; not Inception FID). It also writes a
 * grid of samples per model.
 */
package dev.barrier.eval.diffusion.internal;
