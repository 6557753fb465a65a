package io.netdock.dns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure core to Spring: one index, one resolver, one service and one server loop for every listener. */
@Configuration(proxyBeanMethods = false)
class DnsConfiguration {

    @Bean
    NameIndex nameIndex() {
        return new NameIndex();
    }

    @Bean
    DnsResolver dnsResolver(NameIndex index, DnsProperties properties) {
        return new DnsResolver(index, properties.options());
    }

    @Bean(destroyMethod = "close")
    SocketUpstreamExchange socketUpstreamExchange() {
        return new SocketUpstreamExchange((int) DnsService.UPSTREAM_TIMEOUT.toMillis());
    }

    @Bean
    DnsService dnsService(DnsResolver resolver, UpstreamExchange exchange) {
        return new DnsService(resolver, exchange);
    }

    /** The one server loop: every sandbox's resolver (linux mode) and the host listener. */
    @Bean(destroyMethod = "close")
    ResolverLoop resolverLoop(DnsService service) {
        return new ResolverLoop(service);
    }
}
