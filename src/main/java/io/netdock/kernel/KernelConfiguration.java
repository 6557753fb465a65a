package io.netdock.kernel;

import io.netdock.kernel.simulated.SimulatedPlumbing;
import io.netdock.server.NetdockProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the kernel implementation by {@code netdock.kernel.mode}. */
@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    @Bean
    Plumbing plumbing(KernelProperties kernel, NetdockProperties netdock) {
        return switch (kernel.mode()) {
            case SIMULATED -> new SimulatedPlumbing(netdock.stateDirectory().resolve("netns").toString());
            case LINUX -> throw new IllegalStateException("linux mode: not wired yet");
        };
    }
}
