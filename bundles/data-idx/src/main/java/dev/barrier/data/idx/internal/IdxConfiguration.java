package dev.barrier.data.idx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Defaults of the {@code idx} dataset provider; a pipeline file's {@code dataset} section overrides each one.
 * Empty values stand for the preset's defaults.
 */
@ObjectClassDefinition(name = "BARRIER dataset provider 'idx'",
        description = "Defaults for reading IDX files (MNIST, Fashion-MNIST).")
public @interface IdxConfiguration {

    /** The PID under which Configuration Admin configures the provider. */
    String PID = "dev.barrier.data.idx";

    @AttributeDefinition(name = "Preset", description = "Which dataset the files hold: fashion-mnist, mnist or"
            + " none. The preset sets the default folder (fashion-mnist only) and the class names.")
    String preset() default "fashion-mnist";

    @AttributeDefinition(name = "Folder", description = "Folder that contains the four IDX files. Empty means the"
            + " preset's folder, /usr/share/datasets/fashion-mnist for fashion-mnist; other presets need a folder.")
    String path() default "";

    @AttributeDefinition(name = "Training images", description = "File name of the training images; a .gz"
            + " suffix may be present or not.")
    String trainImages() default "train-images-idx3-ubyte";

    @AttributeDefinition(name = "Training labels", description = "File name of the training labels.")
    String trainLabels() default "train-labels-idx1-ubyte";

    @AttributeDefinition(name = "Test images", description = "File name of the test images.")
    String testImages() default "t10k-images-idx3-ubyte";

    @AttributeDefinition(name = "Test labels", description = "File name of the test labels.")
    String testLabels() default "t10k-labels-idx1-ubyte";

    @AttributeDefinition(name = "Class names", description = "One name per label value. Empty means the preset's"
            + " names; for the preset none, the numbers 0 to the largest label.")
    String[] classNames() default {};

    @AttributeDefinition(name = "Training limit", description = "Keep only the first N training images; 0 keeps"
            + " all.")
    int limitTrain() default 0;

    @AttributeDefinition(name = "Test limit", description = "Keep only the first N test images; 0 keeps all.")
    int limitTest() default 0;
}
