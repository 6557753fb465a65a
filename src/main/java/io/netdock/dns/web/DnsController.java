package io.netdock.dns.web;

import io.netdock.dns.ContainerDns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /netdock/containers/{id}/dns?name=web&type=A}: a container's resolver answers, as JSON. */
@RestController
class DnsController {

    private final ContainerDns dns;

    DnsController(ContainerDns dns) {
        this.dns = dns;
    }

    @GetMapping("/netdock/containers/{id}/dns")
    DnsDocument ask(@PathVariable String id, @RequestParam(required = false) String name,
                    @RequestParam(required = false, defaultValue = "A") String type) {
        return DnsDocument.of(dns.ask(id, name, type));
    }
}
