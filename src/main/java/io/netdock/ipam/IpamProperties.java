package io.netdock.ipam;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where networks without a configured subnet get one, like dockerd's {@code default-address-pools}
 * (daemon.json): {@code netdock.default-address-pools[0].base=10.10.0.0/16},
 * {@code netdock.default-address-pools[0].size=24}. Unset: Docker's defaults. When no IPv6 pool is listed,
 * IPv6 subnets come from a ULA /48 derived from the engine ID, split into /64s (Docker 27.0+).
 *
 * @param defaultAddressPools where networks created without a subnet get one (first fit), like daemon.json's
 *                            {@code default-address-pools}: {@code netdock.default-address-pools[0].base=10.10.0.0/16}
 *                            and {@code netdock.default-address-pools[0].size=24}; unset: Docker's pools
 *                            (172.17.0.0/16 … 172.31.0.0/16, then 192.168.0.0/16 split into /20s)
 */
@ConfigurationProperties("netdock")
public record IpamProperties(List<PoolSpec> defaultAddressPools) {

    /** A base prefix split into subnets of prefix length {@code size}. */
    public record PoolSpec(String base, Integer size) {
    }
}
