package io.netdock.kernel.linux;

import io.netdock.kernel.PlumbingContract;
import io.netdock.kernel.spi.Kernel;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayNamespace;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kernel contract against the real kernel, in a throwaway host namespace per test. */
@RealKernel
class LinuxPlumbingKernelIT extends PlumbingContract {

    @RegisterExtension
    final ThrowawayNamespace namespace = new ThrowawayNamespace();

    @Override
    protected Kernel openKernel() {
        return LinuxKernel.open(namespace.netnsDirectory(), namespace.name());
    }
}
