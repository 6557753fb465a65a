package io.netdock.kernel.wiring;

import io.netdock.kernel.KernelProperties;
import io.netdock.kernel.Plumbing;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.linux.Capabilities;
import io.netdock.kernel.linux.LinuxKernel;
import io.netdock.kernel.simulated.SimulatedKernel;
import io.netdock.server.NetdockProperties;
import io.netdock.server.StartupRefused;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the kernel by {@code netdock.kernel.mode}; both modes run the same {@link BridgeDriver}. Linux mode
 * refuses to start, in one sentence, where the process lacks the capabilities or libnftables it needs. The one
 * class that knows every kernel package, in a package of its own so that {@code kernel} (the port) and its
 * implementations depend on each other in one direction only.
 */
@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    @Bean(destroyMethod = "close")
    io.netdock.kernel.spi.Kernel kernel(KernelProperties kernel, NetdockProperties netdock) {
        Path namespaces = netdock.stateDirectory().resolve("netns");
        return switch (kernel.mode()) {
            case SIMULATED -> new SimulatedKernel(namespaces.toString());
            case LINUX -> {
                refuseLinuxModeWithoutPrerequisites();
                yield LinuxKernel.open(namespaces, kernel.hostNetns());
            }
        };
    }

    /** Linux mode needs capabilities and libnftables; without them the start stops in one sentence. */
    static void refuseLinuxModeWithoutPrerequisites() {
        Capabilities.missingForLinuxMode().ifPresent(missing -> {
            throw new StartupRefused(missing, "Run netdock as root, or grant it what is missing, or use "
                    + "netdock.kernel.mode=simulated (no privileges needed).");
        });
    }

    @Bean
    Plumbing plumbing(io.netdock.kernel.spi.Kernel kernel) {
        return new BridgeDriver(kernel);
    }
}
