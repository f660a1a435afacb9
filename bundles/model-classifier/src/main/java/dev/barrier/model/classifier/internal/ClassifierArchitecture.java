package dev.barrier.model.classifier.internal;

import dev.barrier.api.model.InputSpec;

import java.util.List;
import java.util.Map;

/** One classifier architecture with its settings: names it, lists its target layers and builds its block. */
interface ClassifierArchitecture {

    /** Returns the architecture name, such as {@code small-cnn}. */
    String name();

    /** Returns the settings that, with the input shape, determine the parameter shapes; stable keys. */
    Map<String, Object> settings();

    /** Returns the target layer names in forward order, known without building a network. */
    List<String> layerNames();

    /** Returns the layers unlearning methods target by default: the last convolution and the head. */
    List<String> defaultTargets();

    /**
     * Creates an uninitialised block for {@code spec}.
     *
     * @throws IllegalArgumentException if the input is too small for the architecture
     */
    ClassifierBlock newBlock(InputSpec spec);
}
