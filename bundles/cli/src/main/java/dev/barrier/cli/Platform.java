package dev.barrier.cli;

import dev.barrier.cli.spi.CommandLineService;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix framework running the platform's bundles from {@code system/}, with {@code deploy/}
 * watched for bundles and {@code .cfg} files that are added or removed while it runs.
 *
 * <p>Each process gets its own framework storage folder under {@code var/tmp}, deleted on close, so several
 * {@code barrier} commands can run at once. Bundles are installed by reference, so the large native
 * fragment is never copied.
 */
final class Platform implements AutoCloseable {

    /** The version under which the launcher exports its command package to the bundles. */
    static final String SPI_EXPORT = "dev.barrier.cli.spi;version=1.0.0";

    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(700);

    private final Framework framework;
    private final Path storage;
    private final PrintStream err;
    private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());

    private Platform(Framework framework, Path storage, PrintStream err) {
        this.framework = framework;
        this.storage = storage;
        this.err = err;
    }

    /**
     * Starts the framework and every bundle in {@code home/system}.
     *
     * @param home    the distribution folder
     * @param shell   whether the Gogo shell should read commands from the console
     * @param verbose whether framework and bundle diagnostics are printed
     * @throws PlatformException if the framework cannot start or a bundle cannot be installed
     */
    static Platform start(Path home, boolean shell, boolean verbose, PrintStream err) throws PlatformException {
        Path system = home.resolve("system");
        List<Path> jars = jars(system);
        if (jars.isEmpty()) {
            throw new PlatformException("no bundles found in " + system + "; is " + home
                    + " a BARRIER distribution (set --home or BARRIER_HOME)?");
        }
        Path storage;
        try {
            Path tmp = Files.createDirectories(home.resolve("var/tmp"));
            storage = Files.createTempDirectory(tmp, "framework-");
            Files.createDirectories(home.resolve("deploy"));
        } catch (IOException e) {
            throw new PlatformException("cannot create the framework storage under " + home.resolve("var") + ": " + e);
        }

        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SPI_EXPORT);
        properties.put("felix.log.level", verbose ? "3" : "1");
        properties.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        properties.put("felix.fileinstall.tmpdir", storage.resolve("fileinstall").toString());
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.log.level", verbose ? "3" : "1");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.put("gosh.args", shell ? "" : "--nointeractive");
        // The shell reads etc/gosh_profile below this folder instead of its built-in profile.
        properties.put("gosh.home", home.toString());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Platform.class.getClassLoader())
                .findFirst().orElseThrow(() -> new PlatformException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties);
        Platform platform = new Platform(framework, storage, err);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            context.addFrameworkListener(platform::frameworkEvent);
            context.addBundleListener(event -> platform.lastEvent.set(System.nanoTime()));
            context.addServiceListener(event -> platform.lastEvent.set(System.nanoTime()));
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : jars) {
                installed.add(context.installBundle("reference:" + jar.toUri()));
            }
            framework.start();
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    try {
                        bundle.start();
                    } catch (BundleException e) {
                        err.println("error: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage()
                                + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                    }
                }
            }
            return platform;
        } catch (BundleException | RuntimeException e) {
            platform.close();
            throw new PlatformException("the framework did not start: " + e.getMessage());
        }
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void frameworkEvent(FrameworkEvent event) {
        lastEvent.set(System.nanoTime());
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable cause = event.getThrowable();
            while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            err.println("error: " + (event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName())
                    + ": " + (event.getThrowable() == null ? "" : event.getThrowable().getMessage())
                    + (cause != null && cause != event.getThrowable() ? " (caused by " + cause + ")" : ""));
        }
    }

    /**
     * Waits for the command service, then for the framework to be quiet (no bundle, service or framework event
     * for a moment), so that hot-deployed bundles are in place before a command runs.
     *
     * @throws PlatformException if the service does not appear within {@code timeoutSeconds}
     */
    CommandLineService awaitCommands(int timeoutSeconds) throws PlatformException {
        ServiceTracker<CommandLineService, CommandLineService> tracker =
                new ServiceTracker<>(framework.getBundleContext(), CommandLineService.class, null);
        tracker.open();
        try {
            CommandLineService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(timeoutSeconds));
            if (service == null) {
                throw new PlatformException("the command service did not start within " + timeoutSeconds
                        + " s; is the dev.barrier.cli-bridge bundle in system/? Run with --verbose for details.");
            }
            awaitQuiet(TimeUnit.SECONDS.toNanos(timeoutSeconds));
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while starting");
        }
    }

    private void awaitQuiet(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline && System.nanoTime() - lastEvent.get() < QUIET_NANOS) {
            Thread.sleep(100);
        }
    }

    /** Waits until the framework stops (for the shell, whose {@code exit} command stops it). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            err.println("warning: the framework did not stop cleanly: " + e);
        }
        deleteTree(storage);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary folder under var/tmp is harmless; the next start uses a new one.
        }
    }

    /** The platform could not start; the message says why and what to check. */
    static final class PlatformException extends Exception {
        private static final long serialVersionUID = 1L;

        PlatformException(String message) {
            super(message);
        }
    }
}
