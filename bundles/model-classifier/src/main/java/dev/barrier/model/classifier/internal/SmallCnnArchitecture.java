package dev.barrier.model.classifier.internal;

import dev.barrier.api.model.InputSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code small-cnn} architecture: two 3x3 convolutions with ReLU and 2x2 max pooling, a hidden Linear
 * layer and a Linear head. With the default settings (16 and 32 channels, 64 hidden units) a model for
 * 28x28x1 images and 10 classes has 105,866 parameters.
 *
 * @param conv1Channels output channels of conv1
 * @param conv2Channels output channels of conv2
 * @param hidden        output width of fc1
 */
record SmallCnnArchitecture(int conv1Channels, int conv2Channels, int hidden) implements ClassifierArchitecture {

    /** The plug-in and architecture name. */
    static final String NAME = "small-cnn";

    private static final List<String> LAYERS = List.of("conv1", "conv2", "fc1", "head");

    /** Checks that every width is positive. */
    SmallCnnArchitecture {
        if (conv1Channels <= 0 || conv2Channels <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("small-cnn widths must be positive, got channels [" + conv1Channels
                    + ", " + conv2Channels + "] and hidden " + hidden);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("channels", List.of(conv1Channels, conv2Channels));
        settings.put("hidden", hidden);
        return settings;
    }

    @Override
    public List<String> defaultTargets() {
        return List.of("conv2", "head");
    }

    @Override
    public List<String> layerNames() {
        return LAYERS;
    }

    /**
     * Creates the block.
     *
     * @throws IllegalArgumentException if the images are smaller than 4x4, which two 2x2 poolings reduce to
     *                                  nothing
     */
    @Override
    public ClassifierBlock newBlock(InputSpec spec) {
        if (spec.height() < 4 || spec.width() < 4) {
            throw new IllegalArgumentException("small-cnn needs images of at least 4x4 pixels for its two 2x2"
                    + " max-pooling steps, got " + spec);
        }
        return new SmallCnnBlock(this, spec.numClasses());
    }
}
