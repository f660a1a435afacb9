package dev.barrier.torch.gateway.internal;

/**
 * Keeps DJL from reaching the network. Without these settings DJL's engine initialisation sends a request
 * to a cloud metadata address for telemetry, and model zoos download on demand. The launcher and the build
 * set both properties before any DJL class loads; this class sets them again for embedders that did not.
 */
final class OfflineMode {

    /** DJL's switch that makes any download fail with "Offline mode is enabled". */
    static final String OFFLINE = "ai.djl.offline";

    /** DJL's switch that disables its usage tracking request. */
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private OfflineMode() {
    }

    /**
     * Sets both switches to {@code true}, overriding other values of the system properties.
     *
     * <p>Note: DJL reads an environment variable of the same name before the system property, and a JVM
     * cannot change its own environment, so an environment variable set to {@code false} still wins. The
     * launcher never sets one.
     */
    static void enforce() {
        System.setProperty(OFFLINE, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
    }
}
