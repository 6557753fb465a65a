package io.netdock.network;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default {@code bridge} network, like dockerd's {@code --bip}: {@code netdock.bridge.subnet=172.17.0.0/16}
 * (host bits, as in {@code 10.99.0.1/24}, name the gateway; otherwise it is the first host address).
 *
 * @param subnet subnet of the default {@code bridge} network, like dockerd's {@code --bip}; host bits name the
 *               gateway ({@code 10.99.0.1/24}), else it is the first host address. A change moves the default
 *               bridge at the next start
 */
@ConfigurationProperties("netdock.bridge")
public record BridgeProperties(@DefaultValue("172.17.0.0/16") String subnet) {
}
