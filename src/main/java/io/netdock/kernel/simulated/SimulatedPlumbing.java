package io.netdock.kernel.simulated;

import io.netdock.kernel.bridge.BridgeDriver;

/** Simulated mode: the bridge driver running on the in-memory {@link SimulatedKernel}. */
public class SimulatedPlumbing extends BridgeDriver {

    /** @param sandboxDirectory where sandbox keys point ({@code <state-dir>/netns}); nothing is written there */
    public SimulatedPlumbing(String sandboxDirectory) {
        super(new SimulatedKernel(sandboxDirectory));
    }
}
