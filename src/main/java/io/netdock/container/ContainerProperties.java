package io.netdock.container;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Daemon-wide container defaults, like dockerd's {@code --dns}, {@code --dns-search}, {@code --dns-opt}:
 * used for a container's {@code /etc/resolv.conf} when its own {@code HostConfig} sets none.
 *
 * @param dns        nameservers for containers whose {@code HostConfig.Dns} is empty, like dockerd's {@code --dns}:
 *                   {@code 10.0.0.53,10.0.0.54}
 * @param dnsSearch  search domains for containers that set none, like dockerd's {@code --dns-search}
 * @param dnsOptions resolver options for containers that set none, like dockerd's {@code --dns-opt}:
 *                   {@code ndots:2}
 */
@ConfigurationProperties("netdock")
public record ContainerProperties(List<String> dns, List<String> dnsSearch, List<String> dnsOptions) {
}
