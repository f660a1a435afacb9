/**
 * Reporters that turn a run's results into files a person reads: {@code markdown} writes {@code summary.md},
 * {@code html} writes the same content as a self-contained {@code summary.html}, and {@code plots} draws PNG
 * charts into the run's artifacts folder with XChart (copied privately into this bundle, used headless).
 *
 * <p>Both summaries are built from one {@link dev.barrier.report.internal.Document} by
 * {@link dev.barrier.report.internal.SummaryBuilder}, so they state the same facts; only the markup differs.
 */
package dev.barrier.report.internal;
