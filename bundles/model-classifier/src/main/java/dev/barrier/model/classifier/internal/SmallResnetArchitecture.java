package dev.barrier.model.classifier.internal;

import dev.barrier.api.model.InputSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code small-resnet} architecture: a 3x3 stem, one basic residual block per stage with batch
 * normalisation, global average pooling and a Linear head (see {@link SmallResnetBlock}). Every Conv2d and
 * Linear layer is a target layer.
 *
 * @param width  output channels of the stem and the first stage; each later stage doubles it
 * @param stages the number of stages, 2 or 3
 */
record SmallResnetArchitecture(int width, int stages) implements ClassifierArchitecture {

    /** The plug-in and architecture name. */
    static final String NAME = "small-resnet";
    /** The smallest number of stages. */
    static final int MIN_STAGES = 2;
    /** The largest number of stages. */
    static final int MAX_STAGES = 3;

    /** Checks the width and the number of stages. */
    SmallResnetArchitecture {
        if (width <= 0) {
            throw new IllegalArgumentException("small-resnet width must be positive, got " + width);
        }
        if (stages < MIN_STAGES || stages > MAX_STAGES) {
            throw new IllegalArgumentException("small-resnet has " + MIN_STAGES + " or " + MAX_STAGES
                    + " stages, got " + stages);
        }
    }

    /** Returns the output channels of stage {@code stage} (1-based): width·2^(stage−1). */
    static int stageWidth(int width, int stage) {
        return width << (stage - 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("width", width);
        settings.put("stages", stages);
        return settings;
    }

    @Override
    public List<String> defaultTargets() {
        return List.of("stage" + stages + ".conv2", "head");
    }

    @Override
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        names.add("stem");
        for (int stage = 1; stage <= stages; stage++) {
            names.add("stage" + stage + ".conv1");
            names.add("stage" + stage + ".conv2");
            if (stage > 1) {
                names.add("stage" + stage + ".shortcut");
            }
        }
        names.add("head");
        return List.copyOf(names);
    }

    @Override
    public ClassifierBlock newBlock(InputSpec spec) {
        return new SmallResnetBlock(this, spec.numClasses());
    }
}
