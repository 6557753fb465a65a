package io.netdock.dns.sandbox;

import io.netdock.dns.DnsService;
import io.netdock.dns.ResolverLoop;
import io.netdock.dns.SocketUpstreamExchange;
import io.netdock.kernel.Plumbing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * linux mode's embedded DNS: a resolver inside each sandbox on a user-defined network, and forwards leaving from the
 * namespace Docker sends them from. (Simulated mode has no sandboxes to listen in: its resolver is reached through
 * the host listener and the JSON endpoint.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "netdock.kernel", name = "mode", havingValue = "linux")
class SandboxDnsConfiguration {

    @Bean(destroyMethod = "close")
    SandboxResolvers sandboxResolvers(Plumbing plumbing, ResolverLoop loop) {
        return new SandboxResolvers(plumbing, loop);
    }

    /** Preferred to the JVM-namespace exchange. Resolvers are looked up lazily: they need the service, which needs this. */
    @Bean(destroyMethod = "close")
    @Primary
    SocketUpstreamExchange namespaceUpstreamExchange(Plumbing plumbing, ObjectProvider<SandboxResolvers> resolvers) {
        return new SocketUpstreamExchange((int) DnsService.UPSTREAM_TIMEOUT.toMillis(),
                new NamespaceSockets(plumbing, containerId -> resolvers.getObject().sandboxOf(containerId)));
    }
}
