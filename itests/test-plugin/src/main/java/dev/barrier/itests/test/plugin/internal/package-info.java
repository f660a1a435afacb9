/**
 * Projection strategy {@code test-coordinate}, a deliberately simple plug-in for the platform's integration
 * tests: it has no dependencies beyond the API, so installing and removing its bundle at run time shows how
 * plug-ins come and go without touching anything else. Not exported.
 */
package dev.barrier.itests.test.plugin.internal;
