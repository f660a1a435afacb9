/**
 * The {@code conv-patch} activation extractor: one activation row per output position of a Conv2d layer,
 * holding the unfolded input patch, so that the layer is exactly a linear map on rows for any kernel, stride,
 * padding, dilation and group count. Not exported; the extractor is reached through its factory service.
 */
package dev.barrier.extractor.conv.patch.internal;
