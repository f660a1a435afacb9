package dev.barrier.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;

import org.junit.jupiter.api.Test;

/**
 * The shadow SVM's settings, checked on the trained LIBSVM model rather than on our constants alone: the
 * decision values are recomputed by hand from the support vectors with exp(−γ (x − x')²) and γ = 1, and the
 * dual coefficients must respect the box [−C, C] with C = 3 and reach it on overlapping classes.
 */
class MembershipSvmTest {

    /** Overlapping classes (members around 0.8, non-members around 0.6, standard deviation 0.15), seed 3. */
    private static MembershipSvm overlappingFit() {
        Random random = new Random(3);
        double[] members = new double[300];
        double[] nonMembers = new double[300];
        for (int i = 0; i < members.length; i++) {
            members[i] = 0.8 + 0.15 * random.nextGaussian();
            nonMembers[i] = 0.6 + 0.15 * random.nextGaussian();
        }
        return MembershipSvm.fit(members, nonMembers, MiaEvaluator.COST, MiaEvaluator.GAMMA, 10);
    }

    @Test
    void metricUsesCostThreeAndGammaOne() {
        assertEquals(3.0, MiaEvaluator.COST, 0.0);
        assertEquals(1.0, MiaEvaluator.GAMMA, 0.0);
    }

    @Test
    void modelIsRbfClassifierWithGivenSettings() {
        svm_parameter parameter = overlappingFit().parameter();

        assertEquals(svm_parameter.C_SVC, parameter.svm_type);
        assertEquals(svm_parameter.RBF, parameter.kernel_type);
        assertEquals(1.0, parameter.gamma, 0.0);
        assertEquals(3.0, parameter.C, 0.0);
        assertEquals(1e-3, parameter.eps, 0.0);
        assertEquals(1, parameter.shrinking);
        assertEquals(0, parameter.probability);
        assertEquals(0, parameter.nr_weight);
    }

    @Test
    void decisionValuesMatchKernelWithGammaOne() {
        svm_model model = overlappingFit().model();

        for (double x = 0.0; x <= 1.2; x += 0.05) {
            double expected = -model.rho[0];
            for (int i = 0; i < model.l; i++) {
                double difference = model.SV[i][0].value - x;
                expected += model.sv_coef[0][i] * Math.exp(-1.0 * difference * difference);
            }
            svm_node node = new svm_node();
            node.index = 1;
            node.value = x;
            double[] decision = new double[1];
            double label = svm.svm_predict_values(model, new svm_node[] {node}, decision);
            assertEquals(expected, decision[0], 1e-9 * Math.max(1, Math.abs(expected)), "decision value at " + x);
            assertEquals(decision[0] > 0 ? model.label[0] : model.label[1], label, 0.0, "label at " + x);
        }
    }

    @Test
    void dualCoefficientsReachBoxOfThree() {
        svm_model model = overlappingFit().model();

        int bounded = 0;
        for (int i = 0; i < model.l; i++) {
            double coefficient = Math.abs(model.sv_coef[0][i]);
            assertTrue(coefficient <= 3.0 + 1e-12, "coefficient " + i + " is " + coefficient);
            if (coefficient > 3.0 - 1e-12) {
                bounded++;
            }
        }
        assertTrue(bounded > 0, "overlapping classes leave support vectors at the bound C = 3");
    }

    @Test
    void membersAreLabelledOne() {
        svm_model model = overlappingFit().model();

        assertEquals(MembershipSvm.MEMBER, model.label[0], 0.0);
        assertEquals(MembershipSvm.NON_MEMBER, model.label[1], 0.0);
    }

    @Test
    void nonFiniteFeatureIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MembershipSvm.fit(new double[] {0.9, Double.NaN}, new double[] {0.5}, 3, 1, 1));
        assertTrue(error.getMessage().contains("member 1 is NaN"), error.getMessage());
    }

    @Test
    void oneClassIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MembershipSvm.fit(new double[] {0.9}, new double[0], 3, 1, 1));
        assertTrue(error.getMessage().contains("0 non-members"), error.getMessage());
    }
}
