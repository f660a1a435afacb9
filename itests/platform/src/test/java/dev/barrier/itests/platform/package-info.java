/**
 * Integration tests that boot every bundle of the assembled distribution in Felix with Pax Exam's native
 * container, one framework per test class in its own JVM.
 *
 * <p>{@link dev.barrier.itests.platform.PlatformConfiguration} builds the framework: the bundles of the
 * distribution's {@code system/} folder installed by reference, a fresh platform home per class, DJL offline,
 * and Pax Exam's own bundles resolved from the local Maven repository only. The other helpers run inside the
 * framework: {@link dev.barrier.itests.platform.Platform} waits for services and conditions,
 * {@link dev.barrier.itests.platform.Plugins} checks which plug-ins are installed,
 * {@link dev.barrier.itests.platform.Pipelines} writes pipeline files and
 * {@link dev.barrier.itests.platform.GogoSession} runs shell commands.
 */
package dev.barrier.itests.platform;
