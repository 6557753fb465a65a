package io.netdock.kernel.simulated;

import io.netdock.kernel.PlumbingContract;
import io.netdock.kernel.spi.Kernel;

/** The kernel contract against the in-memory kernel; a "restart" keeps the same model, as a machine would. */
class SimulatedPlumbingTest extends PlumbingContract {

    private SimulatedKernel machine;

    @Override
    protected Kernel openKernel() {
        if (machine == null) {
            machine = new SimulatedKernel("/run/netdock-test/netns");
        }
        return machine;
    }
}
