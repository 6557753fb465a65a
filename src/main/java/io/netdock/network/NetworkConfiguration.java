package io.netdock.network;

import io.netdock.ipam.DefaultAddressPools;
import io.netdock.ipam.IpamProperties;
import io.netdock.system.Daemon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default address pools from {@code netdock.default-address-pools} (Docker's when unset). */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    /** The IPv6 ULA prefix is derived from the engine ID, so it stays the same across restarts. */
    @Bean
    DefaultAddressPools defaultAddressPools(IpamProperties properties, Daemon daemon) {
        return DefaultAddressPools.from(properties, daemon.engineId());
    }
}
