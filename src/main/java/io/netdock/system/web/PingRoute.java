package io.netdock.system.web;

import io.netdock.api.ServerIdentity;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Puts the {@link PingHandler} in front of the servlets of every listener (Unix socket and TCP). */
@Component
class PingRoute implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private final ServerIdentity identity;

    PingRoute(ServerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            PingHandler ping = new PingHandler(identity);
            ping.setHandler(server.getHandler());
            server.setHandler(ping);
        });
    }
}
