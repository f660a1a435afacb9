package dev.barrier.data.imagefolder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Defaults of the {@code image-folder} dataset provider; a pipeline file's {@code dataset} section overrides
 * each one.
 */
@ObjectClassDefinition(name = "BARRIER dataset provider 'image-folder'",
        description = "Defaults for reading images from one sub-folder per class.")
public @interface ImageFolderConfiguration {

    /** The PID under which Configuration Admin configures the provider. */
    String PID = "dev.barrier.data.imagefolder";

    @AttributeDefinition(name = "Folder", description = "Folder that contains the training and test folders."
            + " Empty means the pipeline file must set it.")
    String path() default "";

    @AttributeDefinition(name = "Training folder", description = "Name of the sub-folder with the training"
            + " images, one sub-folder per class.")
    String trainFolder() default "train";

    @AttributeDefinition(name = "Test folder", description = "Name of the sub-folder with the test images, with"
            + " the same class sub-folders.")
    String testFolder() default "test";

    @AttributeDefinition(name = "Channels", description = "1 converts images to grey (ITU-R BT.601 luma), 3 to"
            + " RGB.")
    int channels() default 3;

    @AttributeDefinition(name = "Size", description = "Image size as height and width in pixels. Empty means the"
            + " size of the first training image.")
    int[] size() default {};

    @AttributeDefinition(name = "Resize", description = "Scale images of another size with bilinear"
            + " interpolation; when false, such an image is an error.")
    boolean resize() default false;

    @AttributeDefinition(name = "Training limit", description = "Keep only the first N training images; 0 keeps"
            + " all.")
    int limitTrain() default 0;

    @AttributeDefinition(name = "Test limit", description = "Keep only the first N test images; 0 keeps all.")
    int limitTest() default 0;
}
