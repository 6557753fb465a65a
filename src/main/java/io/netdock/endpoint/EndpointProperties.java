package io.netdock.endpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How endpoints get their MAC address when the client names none.
 *
 * @param macAddress {@code derived}: {@code 02:42:} + the IPv4 address bytes (Docker 20.10–27.x);
 *                   {@code random}: a random locally administered unicast MAC (Docker 28+)
 */
@ConfigurationProperties("netdock")
public record EndpointProperties(@DefaultValue("derived") MacAddressMode macAddress) {

    public enum MacAddressMode {
        DERIVED, RANDOM
    }
}
