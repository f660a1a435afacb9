package dev.barrier.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's {@code exit} command: stops the framework, which ends {@code bin/barrier shell}. Gogo's built-in
 * profile maps {@code exit} to {@code java.lang.System.exit}, which skips the platform's shutdown; the
 * distribution's {@code etc/gosh_profile} maps it to this command instead.
 *
 * <p>Note: in an application that embeds the platform, {@code exit} stops that application's framework too.
 */
@Component(service = ExitCommand.class, property = {
        "osgi.command.scope=barrier",
        "osgi.command.function=exit"
})
public final class ExitCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ExitCommand.class);

    private final BundleContext context;

    /** Creates the command for the framework that {@code context} belongs to. */
    @Activate
    public ExitCommand(BundleContext context) {
        this.context = context;
    }

    /** Stops the framework. */
    @Descriptor("Stops the platform and leaves the shell; runs in progress are cancelled")
    public String exit() {
        // A separate thread, because stopping the framework stops the shell whose thread runs this command.
        Thread stopper = new Thread(this::stopFramework, "barrier-exit");
        stopper.start();
        return "Stopping the platform";
    }

    /** Stops the framework. The status is ignored, because the launcher's exit code reports how it ended. */
    @Descriptor("Stops the platform and leaves the shell; the status is ignored")
    public String exit(@Descriptor("an exit status, ignored") int status) {
        return exit();
    }

    private void stopFramework() {
        try {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Stopping the framework failed: {}", e.getMessage());
        }
    }
}
