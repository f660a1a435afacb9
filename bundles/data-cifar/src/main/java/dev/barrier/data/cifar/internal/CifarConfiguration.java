package dev.barrier.data.cifar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the {@code cifar} dataset provider; a pipeline file's {@code dataset} section overrides each one. */
@ObjectClassDefinition(name = "BARRIER dataset provider 'cifar'",
        description = "Defaults for reading the binary CIFAR-10 and CIFAR-100 files.")
public @interface CifarConfiguration {

    /** The PID under which Configuration Admin configures the provider. */
    String PID = "dev.barrier.data.cifar";

    @AttributeDefinition(name = "Folder", description = "Folder that contains the binary files, or the folder"
            + " above the extracted cifar-10-batches-bin or cifar-100-binary. Empty means the pipeline file must"
            + " set it.")
    String path() default "";

    @AttributeDefinition(name = "Variant", description = "cifar-10 (10 classes, data_batch_1.bin to"
            + " data_batch_5.bin and test_batch.bin) or cifar-100 (train.bin and test.bin).")
    String variant() default "cifar-10";

    @AttributeDefinition(name = "Labels", description = "For cifar-100: fine (100 classes) or coarse (20"
            + " superclasses).")
    String labels() default "fine";

    @AttributeDefinition(name = "Training limit", description = "Keep only the first N training images; 0 keeps"
            + " all.")
    int limitTrain() default 0;

    @AttributeDefinition(name = "Test limit", description = "Keep only the first N test images; 0 keeps all.")
    int limitTest() default 0;
}
