package io.netdock.dns;

import io.netdock.container.HostResolvConfSource;
import io.netdock.dnsfiles.HostResolvConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** {@code netdock.dns.host-resolv-conf}, read each time it is needed. */
@Component
class HostResolvConfFile implements HostResolvConfSource {

    private final Path path;

    HostResolvConfFile(DnsProperties properties) {
        this.path = Path.of(properties.hostResolvConf());
    }

    @Override
    public HostResolvConf read() {
        String content;
        try {
            content = String.join("\n", Files.readAllLines(path)) + "\n";
        } catch (IOException | RuntimeException missing) {
            content = null;
        }
        return new HostResolvConf(path.toString(), content);
    }
}
