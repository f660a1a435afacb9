/**
 * The {@code interval-hypercube} region builder. Per forget direction it takes the forget box [a, b] between two
 * type-7 quantiles of the forget rows' projections, and an outer box [L, H] either a fixed margin outside it
 * ({@code scale} bounds) or spanning the forget and retain projections ({@code actual} bounds). The protected
 * region lies between the two boxes.
 */
package dev.barrier.region.interval.internal;
