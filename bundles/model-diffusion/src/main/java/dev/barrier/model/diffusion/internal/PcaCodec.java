package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.linalg.SignRule;
import dev.barrier.linalg.StreamingMoments;
import dev.barrier.linalg.SymmetricEigen;
import dev.barrier.nn.BatchMoments;
import dev.barrier.nn.ImageBatches;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PCA codec: z = ((x − μ) Vᵀ) / s and x = clip((z ⊙ s) V + μ, 0, 1), with x a flattened image of D pixel
 * values, μ the mean training image, V the top k principal directions (k × D) and s the per-direction scales
 * (standard deviations when whitening, else 1).
 *
 * <p>Fitting streams the training images once: per batch, the tensor engine computes the count, mean and
 * centred Gram matrix in float64, which are merged with the pairwise update of Chan et al.; the Gram matrix
 * (D × D) is then decomposed with a symmetric eigensolver. Directions are signed by the linear algebra
 * bundle's sign rule, so a refit on the same images gives the same codec. The scale of a direction is
 * √(λ / N), the standard deviation of the training images along it, floored at {@value #SCALE_FLOOR} times
 * the largest scale: with fewer images than components the trailing directions have no variance, and dividing
 * by a zero scale would turn tiny projections of new images into huge latent values.
 *
 * <p>The constants are parameters of the codec's block (float32, not trainable): {@code mean} [D],
 * {@code components} [k, D], {@code scales} [k] and {@code fitted} [1], which is 1 once the codec has been
 * fitted.
 */
final class PcaCodec implements Codec {

    /** The smallest scale, relative to the largest, that a direction gets. */
    static final double SCALE_FLOOR = 1e-3;

    private static final Logger LOG = LoggerFactory.getLogger(PcaCodec.class);
    private static final int FIT_BATCH = 2048;

    private final InputSpec spec;
    private final int dimension;
    private final int components;
    private final boolean whiten;
    private final ConstantsBlock block;

    /**
     * Creates a codec whose constants still have to be fitted.
     *
     * @throws IllegalArgumentException if {@code components} exceeds the number of pixel values per image
     */
    PcaCodec(InputSpec spec, int components, boolean whiten) {
        this.spec = spec;
        this.dimension = spec.channels() * spec.height() * spec.width();
        if (components > dimension) {
            throw new IllegalArgumentException("a PCA codec for images of " + spec.channels() + "x" + spec.height()
                    + "x" + spec.width() + " can keep at most " + dimension + " components, got " + components);
        }
        this.components = components;
        this.whiten = whiten;
        this.block = new ConstantsBlock(dimension, components);
    }

    @Override
    public long[] latentShape() {
        return new long[] {components};
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public boolean fitted() {
        // Reads the whole one-element array: indexing it would leave a new array in the model's manager.
        return block.fitted.getArray().toFloatArray()[0] == 1f;
    }

    @Override
    public void fit(Subset data, NDManager scope, RunContext context) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot fit a PCA codec on " + data + ": it has no images");
        }
        if (data.dataset().imageBytes() != dimension) {
            throw new IllegalArgumentException("cannot fit a PCA codec for " + spec + " images on " + data
                    + ", whose images have " + data.dataset().imageBytes() + " values");
        }
        long start = System.nanoTime();
        StreamingMoments moments = new StreamingMoments(dimension);
        for (Batch batch : ImageBatches.inOrder(data, FIT_BATCH, scope)) {
            try (batch) {
                context.checkCancelled();
                BatchMoments batchMoments = BatchMoments.of(batch.images().reshape(batch.size(), dimension), false);
                moments.add(batchMoments.count(), batchMoments.mean(), batchMoments.gram());
            }
        }
        SymmetricEigen eigen = SymmetricEigen.decompose(moments.gram(), dimension);
        double[] eigenvalues = eigen.values();
        double[][] directions = eigen.vectors();

        long count = moments.count();
        float[] componentValues = new float[components * dimension];
        float[] scaleValues = new float[components];
        double largestScale = Math.sqrt(Math.max(eigenvalues[0], 0) / count);
        double kept = 0;
        double total = 0;
        for (int i = 0; i < dimension; i++) {
            total += Math.max(eigenvalues[i], 0);
        }
        for (int i = 0; i < components; i++) {
            double[] direction = SignRule.apply(directions[i]);
            for (int j = 0; j < dimension; j++) {
                componentValues[i * dimension + j] = (float) direction[j];
            }
            double scale = Math.sqrt(Math.max(eigenvalues[i], 0) / count);
            scaleValues[i] = whiten ? (float) Math.max(scale, SCALE_FLOOR * largestScale) : 1f;
            kept += Math.max(eigenvalues[i], 0);
        }
        if (whiten && largestScale == 0) {
            throw new IllegalArgumentException("cannot fit a whitened PCA codec on " + data
                    + ": all its images are identical");
        }
        float[] meanValues = new float[dimension];
        double[] mean = moments.mean();
        for (int j = 0; j < dimension; j++) {
            meanValues[j] = (float) mean[j];
        }
        block.mean.getArray().set(meanValues);
        block.components.getArray().set(componentValues);
        block.scales.getArray().set(scaleValues);
        block.fitted.getArray().set(new float[] {1f});

        double explained = total > 0 ? kept / total : 1;
        if (count <= components) {
            context.log().warn("The PCA codec keeps {} components but was fitted on only {} images; the last {}"
                    + " directions carry no variance", components, count, components - count + 1);
        }
        context.log().info("Fitted a PCA codec with {} components on {} images: {} of the pixel variance kept",
                components, count, String.format(Locale.ROOT, "%.1f%%", 100 * explained));
        LOG.debug("PCA codec fitted in {} s", (System.nanoTime() - start) / 1e9);
    }

    @Override
    public NDArray encode(NDArray images) {
        requireFitted();
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || shape.size() / shape.get(0) != dimension) {
            throw new IllegalArgumentException("the PCA codec expects images [B, " + spec.channels() + ", "
                    + spec.height() + ", " + spec.width() + "], got " + shape);
        }
        NDArray rows = images.toType(DataType.FLOAT32, false).reshape(shape.get(0), dimension);
        // A view of a parameter belongs to the parameter's manager; moving it to the images' manager frees it
        // with them instead of keeping one per call until the model is closed.
        NDArray transposed = block.components.getArray().transpose();
        transposed.attach(rows.getManager());
        return rows.sub(block.mean.getArray()).matMul(transposed).div(block.scales.getArray());
    }

    @Override
    public NDArray decode(NDArray latents) {
        requireFitted();
        Shape shape = latents.getShape();
        if (shape.dimension() != 2 || shape.get(1) != components) {
            throw new IllegalArgumentException("the PCA codec expects latent samples [B, " + components + "], got "
                    + shape);
        }
        NDArray rows = latents.mul(block.scales.getArray()).matMul(block.components.getArray())
                .add(block.mean.getArray());
        return rows.clip(0, 1).reshape(shape.get(0), spec.channels(), spec.height(), spec.width());
    }

    private void requireFitted() {
        if (!fitted()) {
            throw new IllegalStateException("the PCA codec has not been fitted: train the model first (training fits"
                    + " the codec on the training images) or load a trained model");
        }
    }

    /** The codec's constants as untrainable float32 parameters, so that they are saved with the model. */
    static final class ConstantsBlock extends AbstractBlock {

        final Parameter mean;
        final Parameter components;
        final Parameter scales;
        final Parameter fitted;

        ConstantsBlock(int dimension, int count) {
            super((byte) 1);
            mean = addParameter(constant("mean", new Shape(dimension), Initializer.ZEROS));
            components = addParameter(constant("components", new Shape(count, dimension), Initializer.ZEROS));
            scales = addParameter(constant("scales", new Shape(count), Initializer.ONES));
            fitted = addParameter(constant("fitted", new Shape(1), Initializer.ZEROS));
        }

        private static Parameter constant(String name, Shape shape, Initializer initializer) {
            return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(shape)
                    .optInitializer(initializer).optRequiresGrad(false).build();
        }

        /** Throws: the codec is used through {@link PcaCodec}, never as a layer of a forward pass. */
        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            throw new UnsupportedOperationException("the PCA codec's constants are not a layer");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
