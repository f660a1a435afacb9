/**
 * The {@code linear} activation extractor: a Linear layer's input vectors are its activation rows, and its
 * weight is the matrix that acts on them. Not exported; the extractor is reached through its factory service.
 */
package dev.barrier.extractor.linear.internal;
