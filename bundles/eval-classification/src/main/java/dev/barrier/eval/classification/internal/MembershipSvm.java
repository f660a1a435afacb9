package dev.barrier.eval.classification.internal;

import java.util.HashMap;
import java.util.Map;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * A two-class support vector machine with an RBF kernel, exp(−γ (x − x')²), on one feature, trained by
 * LIBSVM's C-SVC solver. Members are labelled {@value #MEMBER} and non-members {@value #NON_MEMBER}.
 *
 * <p>The solver settings other than C, γ and the cache are LIBSVM's defaults, which are also scikit-learn's
 * for {@code SVC}: stopping tolerance 1e-3, shrinking heuristics on, no probability estimates, equal class
 * weights. Training is deterministic.
 *
 * <p>Note: LIBSVM's console output goes through one static print function shared by every user of its
 * classes. This bundle contains a private copy of LIBSVM, so silencing it here affects no one else.
 */
final class MembershipSvm {

    /** The label of members (training images). */
    static final double MEMBER = 1;
    /** The label of non-members (held-out images). */
    static final double NON_MEMBER = 0;
    /** LIBSVM's default stopping tolerance, also scikit-learn's {@code tol}. */
    static final double TOLERANCE = 1e-3;

    static {
        svm.svm_set_print_string_function(message -> {
        });
    }

    private final svm_model model;
    private final double fitSeconds;

    private MembershipSvm(svm_model model, double fitSeconds) {
        this.model = model;
        this.fitSeconds = fitSeconds;
    }

    /**
     * Trains on members followed by non-members, in the order given.
     *
     * @param members     the feature of each member
     * @param nonMembers  the feature of each non-member
     * @param cost        the penalty C of misclassified samples
     * @param gamma       the kernel width γ
     * @param cacheSizeMb the kernel cache size in MB
     * @throws IllegalArgumentException if a set is empty, a feature is not finite, or LIBSVM rejects a setting
     */
    static MembershipSvm fit(double[] members, double[] nonMembers, double cost, double gamma, double cacheSizeMb) {
        if (members.length == 0 || nonMembers.length == 0) {
            throw new IllegalArgumentException("an SVM needs samples of both classes, got " + members.length
                    + " members and " + nonMembers.length + " non-members");
        }
        svm_problem problem = new svm_problem();
        problem.l = members.length + nonMembers.length;
        problem.x = new svm_node[problem.l][];
        problem.y = new double[problem.l];
        for (int i = 0; i < members.length; i++) {
            problem.x[i] = sample(members[i], "member", i);
            problem.y[i] = MEMBER;
        }
        for (int i = 0; i < nonMembers.length; i++) {
            problem.x[members.length + i] = sample(nonMembers[i], "non-member", i);
            problem.y[members.length + i] = NON_MEMBER;
        }

        svm_parameter parameter = new svm_parameter();
        parameter.svm_type = svm_parameter.C_SVC;
        parameter.kernel_type = svm_parameter.RBF;
        parameter.gamma = gamma;
        parameter.C = cost;
        parameter.cache_size = cacheSizeMb;
        parameter.eps = TOLERANCE;
        parameter.shrinking = 1;
        parameter.probability = 0;
        parameter.nr_weight = 0;
        parameter.weight_label = new int[0];
        parameter.weight = new double[0];
        String problemText = svm.svm_check_parameter(problem, parameter);
        if (problemText != null) {
            throw new IllegalArgumentException("LIBSVM rejected the settings C=" + cost + ", gamma=" + gamma
                    + ", cache " + cacheSizeMb + " MB: " + problemText);
        }

        long start = System.nanoTime();
        svm_model model = svm.svm_train(problem, parameter);
        return new MembershipSvm(model, (System.nanoTime() - start) / 1e9);
    }

    private static svm_node[] sample(double feature, String role, int index) {
        if (!Double.isFinite(feature)) {
            throw new IllegalArgumentException("feature of " + role + " " + index + " is " + feature
                    + "; an SVM needs finite features");
        }
        svm_node node = new svm_node();
        node.index = 1;
        node.value = feature;
        return new svm_node[] {node};
    }

    /** Returns whether the SVM predicts that a sample with this feature is a member. */
    boolean isMember(double feature) {
        return svm.svm_predict(model, sample(feature, "sample", 0)) == MEMBER;
    }

    /**
     * Returns the fraction of {@code features} predicted non-member, from 0 to 1. Equal features get equal
     * predictions, so each distinct value is predicted once.
     */
    double nonMemberFraction(float[] features) {
        Map<Float, Boolean> predictions = new HashMap<>();
        long nonMembers = 0;
        for (float feature : features) {
            if (!predictions.computeIfAbsent(feature, this::isMember)) {
                nonMembers++;
            }
        }
        return features.length == 0 ? Double.NaN : (double) nonMembers / features.length;
    }

    /** Returns the settings the SVM was trained with, as a copy. */
    svm_parameter parameter() {
        return (svm_parameter) model.param.clone();
    }

    /** Returns the trained LIBSVM model; callers must not modify it. */
    svm_model model() {
        return model;
    }

    /** Returns the number of support vectors. */
    int supportVectors() {
        return model.l;
    }

    /** Returns the training time in seconds. */
    double fitSeconds() {
        return fitSeconds;
    }
}
