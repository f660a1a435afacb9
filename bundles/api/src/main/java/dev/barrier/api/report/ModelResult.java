package dev.barrier.api.report;

import dev.barrier.api.region.LayerCertificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the results: the original model or one method.
 *
 * @param id          {@code original} or the method's id
 * @param label       the label shown in tables
 * @param plugin      the method plug-in's name, empty for the original model
 * @param status      how the method ended
 * @param detail      the divergence or error, empty when completed
 * @param seconds     wall time of the method (of training, for the original model)
 * @param metrics     metric values by key
 * @param series      arrays by key, such as per-class accuracy
 * @param certificate one certificate per protected map, empty for methods without protection
 * @param settings    the method's effective settings
 * @param notes       remarks
 */
public record ModelResult(String id, String label, String plugin, MethodStatus status, String detail,
        double seconds, Map<String, Double> metrics, Map<String, double[]> series, List<LayerCertificate> certificate,
        Map<String, Object> settings, List<String> notes) {

    /** Copies the collections, keeping their order. */
    public ModelResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        certificate = List.copyOf(certificate);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        notes = List.copyOf(notes);
    }
}
