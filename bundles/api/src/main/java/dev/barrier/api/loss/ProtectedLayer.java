package dev.barrier.api.loss;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;

import java.util.Objects;

/**
 * One linear map under protection: a target layer (or one group of a grouped convolution) with its fitted
 * projection and region.
 *
 * @param layer      the target layer
 * @param group      the group index, 0 unless the extractor splits the layer into groups
 * @param extractor  turns the layer's weight into the matrix acting on rows
 * @param projection the fitted projection (mean, forget directions, residual)
 * @param region     the fitted region
 */
public record ProtectedLayer(LayerInfo layer, int group, ActivationExtractor extractor, Projection projection,
        IntervalRegion region) {

    /** Checks that the parts agree. */
    public ProtectedLayer {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(region, "region");
        if (projection.width() != extractor.rowWidth(layer)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": projection width " + projection.width()
                    + " does not match row width " + extractor.rowWidth(layer));
        }
        if (region.dimension() != projection.reducedDim()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": region dimension " + region.dimension()
                    + " does not match " + projection.reducedDim() + " forget directions");
        }
    }

    /** Returns the layer name, with {@code [g]} appended for groups of grouped convolutions. */
    public String displayName() {
        return extractor.groups(layer) > 1 ? layer.name() + "[" + group + "]" : layer.name();
    }
}
