/**
 * Evaluators for classifiers.
 *
 * <p>{@code accuracy} measures unlearning accuracy (UA = 100 − accuracy on the forget set), retain accuracy
 * (RA) and test accuracy (TA), plus the accuracy of each class over every test image. {@code mia} measures
 * MIA-efficacy in the convention of SalUn (Fan et al., 2024): an RBF support vector machine, trained to tell
 * retain images (members) from test images (non-members) by the softmax probability of the true label,
 * classifies the forget set; the metric is the percentage it calls non-members. The SVM is LIBSVM's C-SVC,
 * which is the solver scikit-learn's {@code SVC} wraps, copied privately into this bundle.
 */
package dev.barrier.eval.classification.internal;
