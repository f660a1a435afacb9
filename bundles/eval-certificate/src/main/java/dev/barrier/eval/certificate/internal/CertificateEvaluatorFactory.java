package dev.barrier.eval.certificate.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.EvaluatorFactory;
import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.region.LayerCertificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

/**
 * Evaluator {@code certificate}: summarises the certificates a method reported (METHOD: one per protected
 * map) as two columns of the results table: the largest worst-case change over the protected regions, and
 * the largest drift measured on retain rows inside them. Methods without certificates get no values. The
 * per-layer certificates themselves are part of every method's results.
 */
@Component(service = EvaluatorFactory.class, property = "name=certificate")
public final class CertificateEvaluatorFactory implements EvaluatorFactory {

    /** The metric key of the largest bound. */
    static final String BOUND = "certBound";
    /** The metric key of the largest measured drift on protected retain rows. */
    static final String DRIFT = "certDrift";

    @Override
    public Evaluator create(ConfigSection config, PluginResolver plugins) {
        return new CertificateEvaluator();
    }

    @Override
    public String description() {
        return "the certificate's worst-case change and measured drift, largest over the protected layers";
    }

    static final class CertificateEvaluator implements Evaluator {
        @Override
        public String name() {
            return "certificate";
        }

        @Override
        public List<MetricSpec> metrics() {
            return List.of(
                    new MetricSpec(BOUND, "Bound", "", Boolean.FALSE, false, "Largest worst-case change of any output"
                            + " unit of a protected layer over its protected region, for inputs with no residual"
                            + " component."),
                    new MetricSpec(DRIFT, "Drift", "", Boolean.FALSE, false, "Largest measured change of any output"
                            + " unit of a protected layer over retain rows in its protected region."));
        }

        @Override
        public void checkSupported(ModelTask task) {
            // Certificates do not depend on the task.
        }

        @Override
        public Evaluation evaluate(EvaluationContext context, EvaluatedModel subject) {
            if (subject.outcome() == null || subject.outcome().certificate().isEmpty()) {
                return new Evaluation(Map.of(), Map.of(), List.of());
            }
            double bound = 0;
            double drift = 0;
            for (LayerCertificate layer : subject.outcome().certificate()) {
                bound = Math.max(bound, layer.bound());
                drift = Math.max(drift, layer.driftMaxProtected());
            }
            Map<String, Double> scalars = new LinkedHashMap<>();
            scalars.put(BOUND, bound);
            scalars.put(DRIFT, drift);
            return new Evaluation(scalars, Map.of(), List.of());
        }
    }
}
