package dev.barrier.method.barrier.internal;

import dev.barrier.api.model.TrainingSettings;

/**
 * The settings of one BARRIER method entry that are not plug-ins.
 *
 * @param label              the label shown in tables
 * @param training           optimiser, epochs, batch size, gradient clipping, seed of the unlearning loop
 * @param retainWeight       α, the weight of the task loss on retain batches
 * @param batchNormTraining  whether batch normalisation runs in training mode during unlearning (the
 *                           reference's behaviour, which overwrites the running statistics with forget batches)
 * @param collectionBatchSize images per forward pass when activations are collected
 * @param collectionPasses   passes over the forget set when collecting (diffusion models draw new noise each)
 * @param nullClassFraction  share of forget images conditioned on the null class when collecting (diffusion)
 * @param replaceNonFinite   whether non-finite activation rows are replaced by zeros instead of failing
 * @param maxProjectedRows   the most forget rows per layer kept for the region's quantiles; above it rows are
 *                           taken with a fixed stride
 * @param retainSample       retain images used for actual bounds and for the certificate
 * @param certificate        whether the certificate is computed after unlearning
 * @param collapseShare      a classifier predicting one class for more than this share counts as diverged
 * @param checkEvery         steps between divergence checks
 * @param fitFile            fitted statistics to load instead of fitting them, or null
 * @param protect            whether the protection loss is used; without it the method is its base loss on the
 *                           target layers alone, the baseline that shows what the protection changes
 */
record BarrierSettings(String label, TrainingSettings training, double retainWeight, boolean batchNormTraining,
        int collectionBatchSize, int collectionPasses, double nullClassFraction, boolean replaceNonFinite,
        long maxProjectedRows, int retainSample, boolean certificate, double collapseShare, int checkEvery, java.nio.file.Path fitFile, boolean protect) {
}
