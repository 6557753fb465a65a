package io.netdock.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Safety switches of the TCP listener ({@code server.address} / {@code server.port} say where it listens).
 *
 * @param insecure let netdock listen on a non-loopback {@code server.address} without TLS client verification,
 *                 where anyone who can reach it controls netdock; logged as a warning
 */
@ConfigurationProperties("netdock.tcp")
public record TcpProperties(boolean insecure) {
}
