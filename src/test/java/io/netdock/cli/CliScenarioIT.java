package io.netdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's session with the real docker CLI (28.x, negotiating API 1.50) against netdock, once over the Unix
 * socket and once over TCP: networks with filters and formats, containers with ports, static addresses, aliases,
 * DNS options, links and every network mode, connect/disconnect, {@code cp}, {@code events}, and the exact words
 * and exit codes of commands that fail. Expected texts were checked against the reference Docker (dockerd 20.10);
 * where modern Docker (which netdock follows) words it differently, the assertion says so.
 */
class CliScenarioIT extends WholeApplication {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUSYBOX = "busybox:latest";

    /** How the CLI reaches netdock; each has its own names, subnets and host ports. */
    enum Transport {
        UNIX("su-", "10.250", 28250), TCP("st-", "10.251", 28260);

        final String prefix;
        final String net;
        final int hostPort;

        Transport(String prefix, String net, int hostPort) {
            this.prefix = prefix;
            this.net = net;
            this.hostPort = hostPort;
        }
    }

    private DockerCli docker;
    private Transport transport;

    private DockerCli cli(Transport chosen) {
        transport = chosen;
        docker = chosen == Transport.UNIX ? new DockerCli(socket()) : DockerCli.tcp(port);
        return docker;
    }

    @AfterEach
    void removeWhatTheScenarioMade() {
        if (docker == null) {
            return;
        }
        String containers = docker.ok("ps", "-aq", "--filter", "name=^" + transport.prefix);
        if (!containers.isEmpty()) {
            docker.ok(concat(new String[] {"rm", "-f"}, containers.split("\n")));
        }
        String networks = docker.ok("network", "ls", "-q", "--filter", "name=^" + transport.prefix);
        if (!networks.isEmpty()) {
            docker.ok(concat(new String[] {"network", "rm"}, networks.split("\n")));
        }
    }

    private String n(String suffix) {
        return transport.prefix + suffix;
    }

    private String ip(int third, int fourth) {
        return transport.net + "." + third + "." + fourth;
    }

    private String subnet(int third) {
        return transport.net + "." + third + ".0/24";
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void networksWithFiltersFormatsAndPrune(Transport chosen) {
        DockerCli docker = cli(chosen);
        String front = docker.ok("network", "create", "--subnet", subnet(1), "--gateway", ip(1, 254), "--ip-range",
                transport.net + ".1.128/25", "--label", "sx=1", "--label", "tier=front", n("front"));
        assertThat(front).matches("[0-9a-f]{64}");
        docker.ok("network", "create", "--internal", "--label", "sx=1", n("auto"));
        docker.ok("network", "create", "--ipv6", "--subnet", "fd00:" + transport.net.substring(3) + ":2::/64",
                "--subnet", subnet(2), n("v6"));

        assertThat(docker.ok("network", "ls", "--filter", "label=sx=1", "--format",
                "{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}} {{.IPv6}}"))
                .isEqualTo(n("auto") + " bridge local true false\n" + n("front") + " bridge local false false");
        Map<String, Object> row = object(docker.ok("network", "ls", "--filter", "name=" + n("front"), "--format",
                "{{json .}}"));
        assertThat(row).containsEntry("ID", front.substring(0, 12)).containsEntry("Name", n("front"))
                .containsEntry("Driver", "bridge").containsEntry("Scope", "local").containsEntry("IPv6", "false")
                .containsEntry("IPv4", "true").containsEntry("Internal", "false").containsKey("CreatedAt");
        assertThat(Set.of(((String) row.get("Labels")).split(","))).as("the CLI joins labels in map order")
                .containsExactlyInAnyOrder("sx=1", "tier=front");
        assertThat(docker.ok("network", "ls", "-q", "--no-trunc", "--filter", "id=" + front.substring(0, 12)))
                .isEqualTo(front);
        assertThat(docker.ok("network", "ls", "--filter", "type=custom", "--filter", "dangling=true", "--filter",
                "name=^" + transport.prefix, "--format", "{{.Name}}"))
                .isEqualTo(n("auto") + "\n" + n("front") + "\n" + n("v6"));
        assertThat(docker.ok("network", "ls", "--filter", "driver=null", "--format", "{{.Name}} {{.ID}}"))
                .matches("none [0-9a-f]{12}");

        assertThat(docker.ok("network", "inspect", "--format", "{{json .IPAM}}", n("front"))).isEqualTo(
                "{\"Driver\":\"default\",\"Options\":{},\"Config\":[{\"Subnet\":\"" + subnet(1) + "\",\"IPRange\":\""
                        + transport.net + ".1.128/25\",\"Gateway\":\"" + ip(1, 254) + "\"}]}");
        assertThat(docker.ok("network", "inspect", "--format", "{{json .IPAM.Config}} {{.Internal}}", n("auto")))
                .matches("\\[\\{\"Subnet\":\"(172\\.\\d+\\.0\\.0/16|192\\.168\\.\\d+\\.0/20)\",\"Gateway\":\"[0-9.]+\\.1\"}] true");
        assertThat(docker.ok("network", "inspect", "--format", "{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{end}}",
                n("v6"))).isEqualTo("true " + subnet(2) + " fd00:" + transport.net.substring(3) + ":2::/64");
        List<Map<String, Object>> inspected = objects(docker.ok("network", "inspect", n("front"), "bridge"));
        assertThat(inspected).extracting(o -> o.get("Name")).containsExactly(n("front"), "bridge");
        assertThat(inspected.get(0)).containsEntry("Id", front).containsEntry("Labels",
                Map.of("sx", "1", "tier", "front")).containsEntry("Containers", Map.of()).containsEntry("Options", Map.of());

        // partial failure: the CLI removes what it can, reports the rest and exits 1
        docker.ok("network", "create", "--label", "sx-prune", n("p1"));
        DockerCli.Result rm = docker.run("network", "rm", n("p1"), n("nosuch"));
        assertThat(rm.exitCode()).isEqualTo(1);
        assertThat(rm.stdout().strip()).isEqualTo(n("p1"));
        assertThat(rm.stderr().strip()).isEqualTo("Error response from daemon: network " + n("nosuch") + " not found\n"
                + "exit status 1");

        docker.ok("network", "create", "--label", "sx-prune", n("p2"));
        assertThat(docker.ok("network", "prune", "-f", "--filter", "until=1h", "--filter", "label=sx-prune")).isEmpty();
        assertThat(docker.ok("network", "prune", "-f", "--filter", "label=sx-prune"))
                .isEqualTo("Deleted Networks:\n" + n("p2"));
        assertThat(docker.fails("network", "prune", "-f", "--filter", "dangling=true"))
                .as("Docker 25+ lower-cases it (20.10: Invalid filter 'dangling')")
                .isEqualTo("Error response from daemon: invalid filter 'dangling'");
        assertThat(docker.fails("network", "ls", "--filter", "bogus=1"))
                .as("Docker 25+ lower-cases it (20.10: Invalid filter 'bogus')")
                .isEqualTo("Error response from daemon: invalid filter 'bogus'");
        assertThat(docker.fails("network", "create", "-d", "host", n("h")))
                .isEqualTo("Error response from daemon: only one instance of \"host\" network is allowed");
        assertThat(docker.ok("network", "rm", n("front"), n("auto"), n("v6")))
                .isEqualTo(n("front") + "\n" + n("auto") + "\n" + n("v6"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void containersWithPortsAddressesAliasesAndDns(Transport chosen) {
        DockerCli docker = cli(chosen);
        docker.ok("network", "create", "--subnet", subnet(10), "--ip-range", transport.net + ".10.128/25", n("front"));
        docker.ok("network", "create", "--subnet", subnet(11), n("back"));
        int hostPort = transport.hostPort;
        String web = docker.ok("run", "-d", "--name", n("web"), "--network", n("front"), "--ip", ip(10, 10),
                "--network-alias", "web", "--network-alias", "www", "-p", hostPort + ":80", "-p", "127.0.0.1::8080/udp",
                "--expose", "81", "-P", "-h", "webhost", "--domainname", "example.org", "--dns", "10.0.0.53",
                "--dns-search", "example.com", "--dns-option", "ndots:2", "--add-host", "foo:10.0.0.1",
                "--label", "sx=web", BUSYBOX, "httpd", "-f", "-p", "80");
        assertThat(web).matches("[0-9a-f]{64}");

        String ports = docker.ok("port", n("web"));
        assertThat(ports.lines().toList()).hasSize(5).startsWith("80/tcp -> 0.0.0.0:" + hostPort, "80/tcp -> [::]:" + hostPort);
        assertThat(ports).containsPattern("(?m)^81/tcp -> 0\\.0\\.0\\.0:(\\d+)\n81/tcp -> \\[::]:\\1$")
                .containsPattern("(?m)^8080/udp -> 127\\.0\\.0\\.1:\\d+$");
        assertThat(docker.ok("port", n("web"), "80/tcp")).isEqualTo("0.0.0.0:" + hostPort + "\n[::]:" + hostPort);
        DockerCli.Result noPort = docker.run("port", n("web"), "9999");
        assertThat(noPort.exitCode()).isEqualTo(1);
        assertThat(noPort.stderr().strip()).isEqualTo("Error: No public port '9999' published for " + n("web"));

        assertThat(docker.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + n("front") + "\").IPAddress}} "
                + "{{(index .NetworkSettings.Networks \"" + n("front") + "\").Gateway}} "
                + "{{json (index .NetworkSettings.Networks \"" + n("front") + "\").Aliases}} "
                + "{{json (index .NetworkSettings.Networks \"" + n("front") + "\").DNSNames}}", n("web")))
                .isEqualTo(ip(10, 10) + " " + ip(10, 128) + " [\"web\",\"www\"] [\"" + n("web") + "\",\"web\",\"www\",\""
                        + web.substring(0, 12) + "\",\"webhost\"]");
        assertThat(docker.ok("inspect", "--format", "{{.HostConfig.NetworkMode}} {{json .HostConfig.Dns}} "
                + "{{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}} {{json .HostConfig.ExtraHosts}} "
                + "{{.HostConfig.PublishAllPorts}} {{.Config.Hostname}} {{.Config.Domainname}}", n("web")))
                .isEqualTo(n("front") + " [\"10.0.0.53\"] [\"example.com\"] [\"ndots:2\"] [\"foo:10.0.0.1\"] true "
                        + "webhost example.org");
        assertThat(docker.ok("inspect", "--format", "{{json .NetworkSettings.Ports}}", n("web")))
                .startsWith("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"" + hostPort + "\"},{\"HostIp\":\"::\","
                        + "\"HostPort\":\"" + hostPort + "\"}],\"8080/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"");

        String hosts = copy(docker, n("web"), "/etc/hosts");
        assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n")
                .endsWith("10.0.0.1\tfoo\n" + ip(10, 10) + "\twebhost.example.org webhost\n");
        assertThat(copy(docker, n("web"), "/etc/resolv.conf"))
                .startsWith("# Generated by Docker Engine.")
                .contains("\nnameserver 127.0.0.11\nsearch example.com\noptions ndots:2\n")
                .contains("# ExtServers: [10.0.0.53]");
        assertThat(copy(docker, n("web"), "/etc/hostname")).isEqualTo("webhost\n");
        assertThat(docker.fails("cp", n("web") + ":/etc/nonexistent", "-"))
                .isEqualTo("Error response from daemon: Could not find the file /etc/nonexistent in container " + n("web"));

        String db = docker.ok("create", "--name", n("db"), "--network", n("front"), "--network-alias", "db", BUSYBOX,
                "sleep", "1000");
        assertThat(docker.ok("ps", "-a", "--filter", "name=" + n("db"), "--format", "{{.Names}} {{.Status}} {{.Networks}}"))
                .isEqualTo(n("db") + " Created " + n("front"));
        docker.ok("start", n("db"));
        assertThat(docker.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + n("front") + "\").IPAddress}}",
                n("db"))).as("next after the gateway, the first address of the ip-range").isEqualTo(ip(10, 129));
        docker.ok("network", "connect", "--ip", ip(11, 50), "--alias", "db2", n("back"), n("db"));
        assertThat(docker.fails("network", "connect", n("back"), n("db")))
                .isEqualTo("Error response from daemon: endpoint with name " + n("db") + " already exists in network " + n("back"));
        assertThat(docker.ok("network", "inspect", "--format",
                "{{range $id, $c := .Containers}}{{$c.Name}} {{$c.IPv4Address}}{{end}}", n("back")))
                .isEqualTo(n("db") + " " + ip(11, 50) + "/24");
        assertThat(copy(docker, n("db"), "/etc/hosts")).endsWith(ip(10, 129) + "\t" + db.substring(0, 12) + "\n"
                + ip(11, 50) + "\t" + db.substring(0, 12) + "\n");
        assertThat(docker.ok("ps", "--filter", "network=" + n("front"), "--format", "{{.Names}}").lines().sorted())
                .containsExactly(n("db"), n("web"));
        assertThat(docker.ok("ps", "--filter", "network=" + n("back"), "--format", "{{.Names}} {{.Networks}}"))
                .isIn(n("db") + " " + n("front") + "," + n("back"), n("db") + " " + n("back") + "," + n("front"));
        assertThat(docker.ok("ps", "--filter", "publish=" + hostPort, "--format", "{{.Names}}")).isEqualTo(n("web"));
        assertThat(docker.ok("ps", "--filter", "expose=81", "--format", "{{.Names}}")).isEqualTo(n("web"));
        assertThat(docker.ok("ps", "--filter", "label=sx=web", "--format", "{{.Names}} {{.Ports}}"))
                .startsWith(n("web") + " 0.0.0.0:" + hostPort + "->80/tcp, [::]:" + hostPort + "->80/tcp, ");

        docker.ok("network", "disconnect", n("back"), n("db"));
        assertThat(docker.fails("network", "disconnect", n("back"), n("db")))
                .isEqualTo("Error response from daemon: container " + db + " is not connected to network " + n("back"));
        assertThat(docker.fails("network", "rm", n("front"))).as("Docker 29.0+ would list the endpoints instead")
                .matches("Error response from daemon: error while removing network: network " + n("front")
                        + " id [0-9a-f]{64} has active endpoints\nexit status 1");
        assertThat(docker.fails("network", "connect", "--ip", "10.99.99.5", n("back"), n("db")))
                .as("Docker 25+ validates first (20.10: 500 Invalid address ...: It does not belong to any of this "
                        + "network's subnets)")
                .isEqualTo("Error response from daemon: invalid endpoint settings:\n"
                        + "no configured subnet or ip-range contain the IP address 10.99.99.5");
        assertThat(docker.fails("run", "-d", "--name", n("clash"), "--network", n("front"), "--ip", ip(10, 10), BUSYBOX))
                .as("the address is checked at start, when the create already succeeded")
                .isEqualTo("docker: Error response from daemon: Address already in use\n\n"
                        + "Run 'docker run --help' for more information");
        assertThat(docker.fails("run", "-d", "--name", n("clash2"), "-p", hostPort + ":80", BUSYBOX))
                .as("Docker 28.0.1+ adds the 'failed to set up container networking' prefix")
                .matches("docker: Error response from daemon: failed to set up container networking: driver failed "
                        + "programming external connectivity on endpoint " + n("clash2") + " \\([0-9a-f]{64}\\): Bind for "
                        + "0\\.0\\.0\\.0:" + hostPort + " failed: port is already allocated\n\n"
                        + "Run 'docker run --help' for more information");
        assertThat(docker.ok("ps", "-a", "--filter", "name=" + n("clash"), "--format", "{{.Names}} {{.Status}}")
                .lines().sorted()).containsExactly(n("clash") + " Created", n("clash2") + " Created");

        docker.ok("stop", n("web"));
        assertThat(docker.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}} {{json .NetworkSettings.Ports}} "
                + "{{(index .NetworkSettings.Networks \"" + n("front") + "\").IPAddress}}|", n("web")))
                .isEqualTo("exited 143 {} |");
        assertThat(docker.fails("rm", n("db"))).isEqualTo("Error response from daemon: You cannot remove a running "
                + "container " + db + ". Stop the container before attempting removal or force remove");
        assertThat(docker.ok("rm", "-f", n("web"), n("db"))).isEqualTo(n("web") + "\n" + n("db"));
        docker.ok("run", "-d", "--name", n("again"), "--network", n("front"), BUSYBOX, "sleep", "1000");
        assertThat(docker.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + n("front") + "\").IPAddress}}",
                n("again"))).as("first free, as on dockerd: the address db had").isEqualTo(ip(10, 129));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void serialAddressesWithTheIpamOption(Transport chosen) {
        DockerCli docker = cli(chosen);
        docker.ok("network", "create", "--subnet", subnet(40), "--ipam-opt", "com.docker.network.ipam.serial=true",
                n("serial"));
        assertThat(docker.ok("network", "inspect", "--format", "{{json .IPAM.Options}}", n("serial")))
                .isEqualTo("{\"com.docker.network.ipam.serial\":\"true\"}");
        docker.ok("run", "-d", "--name", n("s1"), "--network", n("serial"), BUSYBOX, "sleep", "1000");
        docker.ok("run", "-d", "--name", n("s2"), "--network", n("serial"), BUSYBOX, "sleep", "1000");
        docker.ok("rm", "-f", n("s1"));
        docker.ok("run", "-d", "--name", n("s3"), "--network", n("serial"), BUSYBOX, "sleep", "1000");
        assertThat(docker.ok("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + n("serial")
                + "\").IPAddress}}", n("s2"), n("s3")).lines())
                .as("after the last address handed out, not the one s1 gave back")
                .containsExactly(ip(40, 3), ip(40, 4));
        docker.ok("rm", "-f", n("s2"), n("s3"));
        docker.ok("network", "rm", n("serial"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void legacyLinksAndNetworkModes(Transport chosen) {
        DockerCli docker = cli(chosen);
        docker.ok("network", "create", "--subnet", subnet(20), n("user"));
        String b1 = docker.ok("run", "-d", "--name", n("b1"), "-h", "b1host", "--expose", "53/udp", BUSYBOX, "sleep", "1000");
        docker.ok("run", "-d", "--name", n("b2"), "--link", n("b1") + ":db", "--link", n("b1"), "--dns", "10.0.0.53",
                "--dns-option", "ndots:3", "--dns-search", "b.example", BUSYBOX, "sleep", "1000");
        String b1ip = docker.ok("inspect", "--format", "{{.NetworkSettings.IPAddress}}", n("b1"));
        assertThat(b1ip).startsWith("172.17.");
        assertThat(copy(docker, n("b2"), "/etc/hosts"))
                .contains(b1ip + "\tdb b1host " + n("b1") + "\n" + b1ip + "\t" + n("b1") + " b1host\n");
        assertThat(copy(docker, n("b2"), "/etc/resolv.conf")).contains("\nnameserver 10.0.0.53\nsearch b.example\n"
                + "options ndots:3\n");
        assertThat(docker.ok("inspect", "--format", "{{json .HostConfig.Links}} {{.HostConfig.NetworkMode}}", n("b2")))
                .as("Docker 26.1+ stores bridge where the CLI sent default (20.10 shows default)")
                .isEqualTo("[\"/" + n("b1") + ":/" + n("b2") + "/db\",\"/" + n("b1") + ":/" + n("b2") + "/" + n("b1")
                        + "\"] bridge");
        assertThat(docker.ok("ps", "--no-trunc", "--filter", "name=^/" + n("b1") + "$", "--format", "{{.Names}}"))
                .isEqualTo(n("b1") + "," + n("b2") + "/db," + n("b2") + "/" + n("b1"));
        assertThat(docker.ok("ps", "--filter", "expose=53/udp", "--format", "{{.Names}} {{.Ports}}"))
                .isEqualTo(n("b1") + " 53/udp");

        // a legacy link to a container that is not on the default bridge fails the start, the container stays
        docker.ok("run", "-d", "--name", n("u1"), "--network", n("user"), BUSYBOX, "sleep", "1000");
        DockerCli.Result refused = docker.run("run", "-d", "--name", n("k1"), "--link", n("u1") + ":w", BUSYBOX);
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stdout().strip()).matches("[0-9a-f]{64}");
        assertThat(refused.stderr().strip()).isEqualTo("docker: Error response from daemon: Cannot link to /" + n("u1")
                + ", as it does not belong to the default network\n\nRun 'docker run --help' for more information");
        assertThat(docker.ok("ps", "-a", "--filter", "name=" + n("k1"), "--format", "{{.Status}}")).isEqualTo("Created");
        assertThat(docker.fails("run", "-d", "--name", n("k2"), "--link", n("nosuch") + ":x", BUSYBOX))
                .isEqualTo("docker: Error response from daemon: could not get container for " + n("nosuch")
                        + ": No such container: " + n("nosuch") + "\n\nRun 'docker run --help' for more information");

        DockerCli.Result host = docker.run("run", "-d", "--name", n("host"), "--network", "host", "-p", "18999:80",
                BUSYBOX, "sleep", "1000");
        assertThat(host.exitCode()).isZero();
        assertThat(host.stderr().strip()).isEqualTo("WARNING: Published ports are discarded when using host network mode");
        assertThat(docker.ok("inspect", "--format", "{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}} "
                + "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{end}}", n("host")))
                .isEqualTo("host {} host=");
        assertThat(docker.fails("network", "connect", n("user"), n("host")))
                .isEqualTo("Error response from daemon: container sharing network namespace with another container or "
                        + "host cannot be connected to any other network");
        assertThat(docker.fails("network", "disconnect", "host", n("host")))
                .as("Docker 28.0.2+ wording (20.10: container cannot be disconnected from host network or connected "
                        + "to host network)")
                .isEqualTo("Error response from daemon: cannot disconnect container from host network - container was "
                        + "created in host network mode");

        docker.ok("run", "-d", "--name", n("none"), "--network", "none", BUSYBOX, "sleep", "1000");
        assertThat(docker.ok("inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}|"
                + "{{end}}", n("none"))).isEqualTo("none |");
        assertThat(copy(docker, n("none"), "/etc/hosts")).doesNotContain("172.17.");

        docker.ok("run", "-d", "--name", n("side"), "--network", "container:" + n("b1"), BUSYBOX, "sleep", "1000");
        assertThat(docker.ok("inspect", "--format", "{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}} "
                + "{{.NetworkSettings.SandboxKey}}|{{.Config.Hostname}}", n("side")))
                .isEqualTo("container:" + b1 + " {} |b1host");
        assertThat(copy(docker, n("side"), "/etc/hosts")).isEqualTo(copy(docker, n("b1"), "/etc/hosts"));
        assertThat(docker.fails("run", "-d", "--name", n("k3"), "-h", "x", "--network", "container:" + n("b1"), BUSYBOX))
                .isEqualTo("docker: Error response from daemon: conflicting options: hostname and the network mode\n\n"
                        + "Run 'docker run --help' for more information");
        assertThat(docker.fails("run", "-d", "--name", n("k4"), "-p", "80", "--network", "container:" + n("b1"), BUSYBOX))
                .isEqualTo("docker: Error response from daemon: conflicting options: port publishing and the container "
                        + "type network mode\n\nRun 'docker run --help' for more information");
        assertThat(docker.fails("run", "-d", "--name", n("k5"), "--network", "host", "--link", n("b1"), BUSYBOX))
                .isEqualTo("docker: Error response from daemon: conflicting options: host type networking can't be used "
                        + "with links. This would result in undefined behavior\n\nRun 'docker run --help' for more information");
        assertThat(docker.fails("run", "-d", "--name", n("k6"), "--network", "container:" + n("nosuch"), BUSYBOX))
                .as("refused at create (dockerd stores it and fails at start); the CLI takes the 404 for a missing "
                        + "image, pulls and creates again, then shows the error")
                .endsWith("docker: Error response from daemon: No such container: " + n("nosuch") + "\n\n"
                        + "Run 'docker run --help' for more information");
        assertThat(docker.run("inspect", n("k6")).exitCode()).as("nothing stored").isNotZero();
        assertThat(docker.fails("run", "-d", "--name", n("k7"), "--ip", "172.17.0.250", BUSYBOX))
                .as("Docker 25+ refuses at create (20.10: at start, without the 'invalid endpoint settings' line)")
                .isEqualTo("docker: Error response from daemon: invalid endpoint settings:\nuser-specified IP address is "
                        + "supported on user-defined networks only\n\nRun 'docker run --help' for more information");
        assertThat(docker.fails("run", "-d", "--name", n("k8"), "--network", n("nosuch"), BUSYBOX))
                .isEqualTo("docker: Error response from daemon: network " + n("nosuch") + " not found\n\n"
                        + "Run 'docker run --help' for more information");

        assertThat(docker.ok("ps", "--filter", "network=host", "--format", "{{.Names}}")).isEqualTo(n("host"));
        assertThat(docker.ok("ps", "--filter", "network=none", "--format", "{{.Names}}")).isEqualTo(n("none"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eventsOfTheSessionSinceUntil(Transport chosen) {
        DockerCli docker = cli(chosen);
        long since = Instant.now().getEpochSecond();
        String net = docker.ok("network", "create", "--subnet", subnet(30), n("ev"));
        String c = docker.ok("run", "-d", "--name", n("evc"), "--network", n("ev"), BUSYBOX, "sleep", "1000");
        docker.ok("network", "disconnect", n("ev"), n("evc"));
        docker.ok("network", "connect", n("ev"), n("evc"));
        docker.ok("rm", "-f", n("evc"));
        docker.ok("network", "rm", n("ev"));
        String until = String.valueOf(Instant.now().getEpochSecond() + 1);

        assertThat(docker.ok("events", "--since", String.valueOf(since), "--until", until, "--filter", "network=" + net,
                "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.container}}"))
                .isEqualTo(String.join("\n",
                        "network create " + n("ev") + " <no value>",
                        "network connect " + n("ev") + " " + c,
                        "network disconnect " + n("ev") + " " + c,
                        "network connect " + n("ev") + " " + c,
                        "network disconnect " + n("ev") + " " + c,
                        "network destroy " + n("ev") + " <no value>"));
        assertThat(docker.ok("events", "--since", String.valueOf(since), "--until", until, "--filter", "container=" + c,
                "--filter", "type=container", "--format", "{{.Action}}"))
                .isEqualTo("create\nstart\nkill\ndie\ndestroy");
        String line = docker.ok("events", "--since", String.valueOf(since), "--until", until, "--filter", "event=create",
                "--filter", "type=network", "--filter", "network=" + net, "--format", "{{json .}}");
        Map<String, Object> event = object(line);
        assertThat(event).containsEntry("Type", "network").containsEntry("Action", "create")
                .containsEntry("scope", "local").containsEntry("Actor", Map.of("ID", net,
                        "Attributes", Map.of("name", n("ev"), "type", "bridge")));
        assertThat(((Number) event.get("time")).longValue()).isBetween(since, Long.parseLong(until));
    }

    /** {@code docker cp c:path -}: the single file of the tar stream on standard output. */
    private static String copy(DockerCli docker, String container, String path) {
        byte[] tar = docker.runBytes("cp", container + ":" + path, "-");
        try (TarArchiveInputStream entries = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry = entries.getNextEntry();
            assertThat(entry.getName()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
            assertThat(entry.getMode() & 0777).isEqualTo(0644);
            return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return JSON.readValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String json) {
        return JSON.readValue(json, List.class);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
