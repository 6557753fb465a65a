package io.netdock.container;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Daemon-wide container defaults, like dockerd's {@code --dns}, {@code --dns-search}, {@code --dns-opt}:
 * used for a container's {@code /etc/resolv.conf} when its own {@code HostConfig} sets none.
 *
 * @param dns        nameservers
 * @param dnsSearch  search domains
 * @param dnsOptions resolver options
 */
@ConfigurationProperties("netdock")
public record ContainerProperties(List<String> dns, List<String> dnsSearch, List<String> dnsOptions) {
}
