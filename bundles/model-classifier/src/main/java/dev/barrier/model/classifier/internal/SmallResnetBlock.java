package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.LayerTap;

/**
 * A small residual network: stem (3x3 convolution, batch normalisation, ReLU), then one basic block per
 * stage, global average pooling and a Linear head. Stage s has width w·2^(s−1). Every stage after the
 * first starts with stride 2 and has a 1x1 convolution with batch normalisation on its shortcut, while the
 * first stage keeps the identity shortcut. A basic block computes relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)).
 *
 * <p>The children are all direct children with dotted names ({@code stage2.conv1}, {@code stage2.bn1}), so
 * the target layers are found by name without nested blocks. Convolutions have no bias because a batch
 * normalisation follows each of them.
 */
final class SmallResnetBlock extends ClassifierBlock {

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape PADDING = new Shape(1, 1);
    private static final Shape POINTWISE = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);
    private static final Shape STRIDE_2 = new Shape(2, 2);

    private final int stages;

    SmallResnetBlock(SmallResnetArchitecture architecture, int numClasses) {
        super(numClasses);
        this.stages = architecture.stages();
        int width = architecture.width();
        add("stem", conv(width, KERNEL, PADDING, POINTWISE));
        add("stem.bn", batchNorm());
        for (int stage = 1; stage <= stages; stage++) {
            String prefix = "stage" + stage;
            int channels = SmallResnetArchitecture.stageWidth(width, stage);
            Shape stride = stage == 1 ? POINTWISE : STRIDE_2;
            add(prefix + ".conv1", conv(channels, KERNEL, PADDING, stride));
            add(prefix + ".bn1", batchNorm());
            add(prefix + ".conv2", conv(channels, KERNEL, PADDING, POINTWISE));
            add(prefix + ".bn2", batchNorm());
            if (stage > 1) {
                add(prefix + ".shortcut", conv(channels, POINTWISE, NO_PADDING, stride));
                add(prefix + ".shortcut.bn", batchNorm());
            }
        }
        add("head", Linear.builder().setUnits(numClasses).build());
    }

    private static Conv2d conv(int filters, Shape kernel, Shape padding, Shape stride) {
        return Conv2d.builder().setKernelShape(kernel).optPadding(padding).optStride(stride).setFilters(filters)
                .optBias(false).build();
    }

    /**
     * Creates a batch normalisation whose running statistics keep 90% of their value at each batch, as with
     * PyTorch's default momentum of 0.1: DJL 0.36 passes 1 − momentum to libtorch.
     */
    private static BatchNorm batchNorm() {
        return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
    }

    @Override
    public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap) {
        NDArray x = normalise(inputs.singletonOrThrow());
        x = layer("stem", parameterStore, x, training, tap);
        x = Activation.relu(run("stem.bn", parameterStore, x, training));
        for (int stage = 1; stage <= stages; stage++) {
            String prefix = "stage" + stage;
            NDArray y = layer(prefix + ".conv1", parameterStore, x, training, tap);
            y = Activation.relu(run(prefix + ".bn1", parameterStore, y, training));
            y = layer(prefix + ".conv2", parameterStore, y, training, tap);
            y = run(prefix + ".bn2", parameterStore, y, training);
            NDArray shortcut = x;
            if (stage > 1) {
                shortcut = layer(prefix + ".shortcut", parameterStore, x, training, tap);
                shortcut = run(prefix + ".shortcut.bn", parameterStore, shortcut, training);
            }
            x = Activation.relu(y.add(shortcut));
        }
        // Global average pooling; PyTorch through DJL averages over one axis at a time, so flatten H and W first.
        x = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
        return new NDList(layer("head", parameterStore, x, training, tap));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = initializeChild("stem", manager, dataType, inputShapes[0]);
        initializeChild("stem.bn", manager, dataType, x);
        for (int stage = 1; stage <= stages; stage++) {
            String prefix = "stage" + stage;
            Shape y = initializeChild(prefix + ".conv1", manager, dataType, x);
            initializeChild(prefix + ".bn1", manager, dataType, y);
            y = initializeChild(prefix + ".conv2", manager, dataType, y);
            initializeChild(prefix + ".bn2", manager, dataType, y);
            if (stage > 1) {
                Shape shortcut = initializeChild(prefix + ".shortcut", manager, dataType, x);
                initializeChild(prefix + ".shortcut.bn", manager, dataType, shortcut);
            }
            x = y;
        }
        initializeChild("head", manager, dataType, new Shape(x.get(0), x.get(1)));
    }
}
