/**
 * The {@code conv-channel} activation extractor: one activation row per input pixel of a Conv2d layer,
 * holding that pixel's channel values, as the method's reference implementation does. Exact for 1x1
 * kernels; for larger kernels only one tap of the kernel acts on these rows. Not exported; the extractor is
 * reached through its factory service.
 */
package dev.barrier.extractor.conv.channel.internal;
