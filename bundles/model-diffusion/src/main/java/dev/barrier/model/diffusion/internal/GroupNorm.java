package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu and He, 2018) of [B, C, H, W] inputs. The channels are split into groups, and
 * each group is normalised to zero mean and unit variance over its channels and positions. The result is
 * then scaled and shifted per channel by learned γ and β. DJL 0.36 has no group normalisation block.
 */
final class GroupNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * Creates a normalisation of {@code channels} channels in {@code groups} groups.
     *
     * @throws IllegalArgumentException if {@code groups} does not divide {@code channels}
     */
    GroupNorm(int channels, int groups) {
        super((byte) 1);
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        this.groups = groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build());
    }

    /** Returns the largest group count of at most 8 that divides {@code channels}. */
    static int groupsFor(int channels) {
        for (int groups = 8; groups > 1; groups--) {
            if (channels % groups == 0) {
                return groups;
            }
        }
        return 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long channels = shape.get(1);
        NDArray grouped = x.reshape(shape.get(0), groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centred = grouped.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt()).reshape(shape);
        // Views of the parameters belong to the parameters' manager; they are moved to the input's manager so
        // that they are freed with the forward pass.
        NDArray scale = parameterStore.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
        NDArray shift = parameterStore.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
        scale.attach(x.getManager());
        shift.attach(x.getManager());
        return new NDList(normalised.mul(scale).add(shift));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
