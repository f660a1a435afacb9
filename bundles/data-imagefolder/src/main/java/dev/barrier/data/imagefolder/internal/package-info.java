/**
 * The {@code image-folder} dataset provider: reads image files laid out as one sub-folder per class, for a
 * training and a test folder, into {@link dev.barrier.api.data.ImageDataset}s. Not exported; the provider is
 * reached through its {@link dev.barrier.api.data.DatasetProviderFactory} service named {@code image-folder}.
 */
package dev.barrier.data.imagefolder.internal;
