package io.netdock.dnsfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden file under {@code src/test/resources/dnsfiles/<dialect>/} (origins in the README there) is
 * rendered from the inputs of the case it is named after and compared byte for byte.
 */
class DnsFilesGoldenTest {

    private static final String HOST_RESOLV = "nameserver 10.255.255.53\n";
    private static final String HOST_HOSTS = "127.0.0.1 localhost\n127.0.0.1 runsc\n127.0.0.1 vm\n";

    record Case(String name, HostsSpec hosts, ResolvConfSpec resolv, String hostname) {
    }

    private static final Map<String, Case> CASES = Stream.of(
            container("bridge-plain", NetworkKind.DEFAULT_BRIDGE, "5e0aa9d37d58", "", List.of("172.17.0.2"),
                    List.of(), DnsSettings.NONE),
            container("bridge-options", NetworkKind.DEFAULT_BRIDGE, "myhost", "example.org", List.of("172.17.0.2"),
                    List.of(new ExtraHost("foo", "10.0.0.1"), ExtraHost.parse("v6:fd00::99"),
                            new ExtraHost("gw", "172.17.0.1")),
                    new DnsSettings(List.of("10.0.0.53"), List.of("b.example"), List.of("ndots:3"))),
            new Case("bridge-links", new HostsSpec(NetworkKind.DEFAULT_BRIDGE, "f458cd3a6706", "",
                    List.of("172.17.0.3"), List.of(), List.of(
                            new LinkedContainer("db", "l1host", "rsx-l1", "172.17.0.2", ""),
                            new LinkedContainer("rsx-l1", "l1host", "rsx-l1", "172.17.0.2", "")), true, HOST_HOSTS),
                    null, null),
            container("user-plain", NetworkKind.USER_DEFINED, "f68355c35b6d", "", List.of("172.28.0.2"),
                    List.of(), DnsSettings.NONE),
            container("user-options", NetworkKind.USER_DEFINED, "myhost", "example.org", List.of("172.28.0.2"),
                    List.of(new ExtraHost("foo", "10.0.0.1")),
                    new DnsSettings(List.of(), List.of("example.com"), List.of("ndots:2"))),
            container("user-dns", NetworkKind.USER_DEFINED, "7f4c83ebb307", "", List.of("172.28.0.2"), List.of(),
                    new DnsSettings(List.of("10.0.0.53", "127.0.0.1"), List.of(), List.of())),
            container("user-fqdn", NetworkKind.USER_DEFINED, "a.b.c", "", List.of("10.71.0.9"), List.of(),
                    DnsSettings.NONE),
            container("user-ipv6", NetworkKind.USER_DEFINED, "fc30717c3736", "", List.of("10.72.0.2", "fd00:71::2"),
                    List.of(), DnsSettings.NONE),
            new Case("no-ipv6", new HostsSpec(NetworkKind.USER_DEFINED, "c1", "", List.of("10.72.0.2", "fd00:71::2"),
                    List.of(new ExtraHost("v6", "fd00::0099"), new ExtraHost("foo", "10.0.0.1")), List.of(), false,
                    HOST_HOSTS), null, null),
            container("multi-connect", NetworkKind.USER_DEFINED, "mhost", "", List.of("10.71.0.20", "172.28.0.2"),
                    List.of(), DnsSettings.NONE),
            container("none", NetworkKind.NONE, "359288e77e12", "", List.of(), List.of(), DnsSettings.NONE),
            container("host-extra", NetworkKind.HOST, "vm", "", List.of(), List.of(new ExtraHost("foo", "1.2.3.4")),
                    DnsSettings.NONE),
            container("host-dns", NetworkKind.HOST, "vm", "", List.of(), List.of(),
                    new DnsSettings(List.of("1.1.1.1"), List.of(), List.of())),
            resolvOnly("localhost-only", NetworkKind.DEFAULT_BRIDGE, "nameserver 127.0.0.53\n", false),
            resolvOnly("localhost-only-ipv6", NetworkKind.DEFAULT_BRIDGE, "nameserver 127.0.0.53\n", true),
            resolvOnly("systemd-resolved", NetworkKind.USER_DEFINED,
                    "# managed by systemd-resolved\nnameserver 127.0.0.53\nsearch corp.example\n"
                            + "options edns0 trust-ad\nsortlist 10.0.0.0/8\n", false),
            resolvOnly("host-ndots", NetworkKind.USER_DEFINED, "nameserver 10.0.0.1\noptions ndots:1\n", false),
            resolvOnly("invalid-nameserver", NetworkKind.DEFAULT_BRIDGE,
                    "nameserver 1.2.3.4.5\nnameserver 10.0.0.1\n", false),
            resolvOnly("missing-host-file", NetworkKind.DEFAULT_BRIDGE, null, false),
            resolvOnly("embedded-no-host-servers", NetworkKind.USER_DEFINED, "search\n", false))
            .collect(Collectors.toMap(Case::name, Function.identity()));

    private static Case container(String name, NetworkKind kind, String hostname, String domainname,
                                  List<String> addresses, List<ExtraHost> extraHosts, DnsSettings dns) {
        return new Case(name, new HostsSpec(kind, hostname, domainname, addresses, extraHosts, List.of(), true,
                HOST_HOSTS), new ResolvConfSpec(kind, dns, HostResolvConf.of(HOST_RESOLV), false), hostname);
    }

    private static Case resolvOnly(String name, NetworkKind kind, String hostFile, boolean networkIpv6) {
        return new Case(name, null, new ResolvConfSpec(kind, DnsSettings.NONE, HostResolvConf.of(hostFile),
                networkIpv6), null);
    }

    static Stream<Path> goldenFiles() throws IOException, URISyntaxException {
        Path root = Path.of(DnsFilesGoldenTest.class.getResource("/dnsfiles").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("README.md"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void rendersLikeDocker(Path golden) throws IOException {
        Dialect dialect = switch (golden.getParent().getFileName().toString()) {
            case "docker-20.10" -> Dialect.DOCKER_20_10;
            case "docker-28" -> Dialect.DOCKER_28;
            default -> throw new IllegalStateException("unknown dialect directory " + golden.getParent());
        };
        String file = golden.getFileName().toString();
        int dot = file.indexOf('.');
        Case inputs = CASES.get(file.substring(0, dot));
        assertThat(inputs).as("a case named after %s", file).isNotNull();
        String rendered = switch (file.substring(dot + 1)) {
            case "hosts" -> HostsFile.render(dialect, inputs.hosts());
            case "resolv.conf" -> ResolvConfFile.render(dialect, inputs.resolv());
            case "hostname" -> HostnameFile.render(inputs.hostname());
            default -> throw new IllegalStateException("unknown golden kind " + file);
        };
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
