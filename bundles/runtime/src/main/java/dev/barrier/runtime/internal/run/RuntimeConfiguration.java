package dev.barrier.runtime.internal.run;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the runtime keeps runs and caches. Empty values fall back to folders under the platform home. */
@ObjectClassDefinition(name = "BARRIER runtime", description = "Folders of the run store and the shared cache.")
public @interface RuntimeConfiguration {

    /** The PID under which Configuration Admin configures the runtime. */
    String PID = "dev.barrier.runtime";

    @AttributeDefinition(name = "Run store", description = "Folder that holds one sub-folder per run. Empty means"
            + " var/runs under the platform home (the barrier.home system property, else the working directory).")
    String runStore() default "";

    @AttributeDefinition(name = "Cache folder", description = "Folder for cached models shared by runs. Empty means"
            + " var/cache under the platform home.")
    String cacheFolder() default "";
}
