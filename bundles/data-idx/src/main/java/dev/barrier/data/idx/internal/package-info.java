/**
 * The {@code idx} dataset provider: reads the IDX files of MNIST and Fashion-MNIST, plain or gzipped, into
 * {@link dev.barrier.api.data.ImageDataset}s of one channel. Not exported; the provider is reached through its
 * {@link dev.barrier.api.data.DatasetProviderFactory} service named {@code idx}.
 */
package dev.barrier.data.idx.internal;
