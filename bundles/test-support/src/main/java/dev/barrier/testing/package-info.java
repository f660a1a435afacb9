/**
 * Fixtures shared by the bundles' unit tests: a run context whose log and progress display record what they
 * receive ({@link dev.barrier.testing.TestRunContext}), component configurations built from their defaults
 * ({@link dev.barrier.testing.ComponentDefaults}), slices of Fashion-MNIST ({@link dev.barrier.testing.FashionMnist}),
 * activation rows of a known spectrum ({@link dev.barrier.testing.KnownSpectrum}) and the reference values of the
 * protection loss ({@link dev.barrier.testing.GoldenCase}). Tests depend on this bundle in test scope only.
 */
package dev.barrier.testing;
