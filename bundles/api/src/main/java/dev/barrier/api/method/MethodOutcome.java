package dev.barrier.api.method;

import dev.barrier.api.model.Divergence;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.region.LayerCertificate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an unlearning method produced.
 *
 * @param model       the unlearned model (owned by the caller from now on)
 * @param divergence  where the method diverged, or null if it completed
 * @param seconds     wall time of the method, set-up included
 * @param certificate one certificate per protected map, empty for methods without protection
 * @param details     method-specific values for the report (per-epoch losses, chosen settings)
 * @param notes       remarks for the report
 */
public record MethodOutcome(NetworkModel model, Divergence divergence, double seconds,
        List<LayerCertificate> certificate, Map<String, Object> details, List<String> notes) {

    /** Copies the collections. */
    public MethodOutcome {
        Objects.requireNonNull(model, "model");
        certificate = List.copyOf(certificate);
        details = Map.copyOf(details);
        notes = List.copyOf(notes);
    }

    /** Returns whether the method diverged. */
    public boolean diverged() {
        return divergence != null;
    }
}
