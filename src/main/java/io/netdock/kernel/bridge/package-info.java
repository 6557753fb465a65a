/**
 * The bridge driver: netdock's one composition of kernel steps that realises {@link io.netdock.kernel.Plumbing}
 * (validate → set up → tear down, each set-up unwinding step by step on failure), written against the verbs of
 * {@link io.netdock.kernel.spi} so simulated and linux mode execute exactly the same logic.
 */
package io.netdock.kernel.bridge;
