package io.netdock.ipam;

import io.netdock.system.Daemon;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default address pools from {@code netdock.default-address-pools} (Docker's when unset). */
@Configuration(proxyBeanMethods = false)
class IpamConfiguration {

    @Bean
    DefaultAddressPools defaultAddressPools(IpamProperties properties, Daemon daemon) {
        return DefaultAddressPools.from(properties, daemon.engineId());
    }
}
