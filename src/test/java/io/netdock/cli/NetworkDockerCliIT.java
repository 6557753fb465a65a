package io.netdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.testing.DockerCli;
import io.netdock.testing.WholeApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker network ...} as a user types it, against netdock's Unix socket. */
class NetworkDockerCliIT extends WholeApplication {

    private DockerCli docker;

    @BeforeEach
    void cli() {
        docker = new DockerCli(socket());
    }

    private String ok(String... args) {
        return docker.ok(args);
    }

    private String fails(String... args) {
        return docker.fails(args);
    }

    @Test
    void createInspectListRemove() {
        String id = ok("network", "create", "--subnet", "10.176.0.0/24", "--gateway", "10.176.0.1", "--ip-range",
                "10.176.0.128/25", "--aux-address", "a=10.176.0.2", "--internal", "--attachable", "--label", "rs=1",
                "-o", "com.docker.network.bridge.name=clibr1", "cli-full");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(ok("network", "inspect", "cli-full", "--format",
                "{{json .IPAM}} {{.Internal}} {{.Attachable}} {{json .Options}} {{json .Labels}} {{.Driver}} {{.Scope}}"))
                .isEqualTo("{\"Driver\":\"default\",\"Options\":{},\"Config\":[{\"Subnet\":\"10.176.0.0/24\","
                        + "\"IPRange\":\"10.176.0.128/25\",\"Gateway\":\"10.176.0.1\",\"AuxiliaryAddresses\":{\"a\":"
                        + "\"10.176.0.2\"}}]} true true {\"com.docker.network.bridge.name\":\"clibr1\"} {\"rs\":\"1\"} "
                        + "bridge local");
        ok("network", "create", "--ipv6", "--subnet", "fd00:176::/64", "cli-v6");
        assertThat(ok("network", "inspect", "cli-v6", "--format", "{{.EnableIPv6}} {{len .IPAM.Config}}"))
                .isEqualTo("true 2");

        assertThat(ok("network", "ls", "--filter", "label=rs=1", "--format", "{{.Name}}")).isEqualTo("cli-full");
        assertThat(ok("network", "ls", "--filter", "type=builtin", "--format", "{{.Name}} {{.Driver}}").lines().sorted()
                .toList()).isEqualTo(List.of("bridge bridge", "host host", "none null"));
        assertThat(ok("network", "ls", "--filter", "name=^cli-", "--filter", "driver=bridge", "--format", "{{.Name}}")
                .lines().sorted().toList()).isEqualTo(List.of("cli-full", "cli-v6"));
        assertThat(ok("network", "ls", "--filter", "id=" + id.substring(0, 12), "--format", "{{.Name}}"))
                .isEqualTo("cli-full");
        assertThat(ok("network", "ls", "-q", "--no-trunc", "--filter", "name=cli-full")).isEqualTo(id);

        assertThat(ok("network", "rm", "cli-full", "cli-v6")).isEqualTo("cli-full\ncli-v6");
        assertThat(fails("network", "rm", "cli-full")).contains("Error response from daemon: network cli-full not found");
    }

    @Test
    void errorsReadAsDockers() {
        ok("network", "create", "cli-dup");
        assertThat(fails("network", "create", "cli-dup"))
                .isEqualTo("Error response from daemon: network with name cli-dup already exists");
        assertThat(fails("network", "create", "--subnet", "172.17.5.0/24", "cli-e"))
                .isEqualTo("Error response from daemon: Pool overlaps with other one on this address space");
        assertThat(fails("network", "create", "--subnet", "10.161.0.5/24", "cli-e"))
                .isEqualTo("Error response from daemon: invalid network config:\n"
                        + "invalid subnet 10.161.0.5/24: it should be 10.161.0.0/24");
        assertThat(fails("network", "create", "-d", "nosuchdriver", "cli-e"))
                .isEqualTo("Error response from daemon: plugin \"nosuchdriver\" not found");
        assertThat(fails("network", "create", "bridge"))
                .isEqualTo("Error response from daemon: operation is not permitted on predefined bridge network");
        assertThat(fails("network", "rm", "bridge"))
                .contains("Error response from daemon: bridge is a pre-defined network and cannot be removed");
        assertThat(fails("network", "ls", "--filter", "type=foo"))
                .isEqualTo("Error response from daemon: invalid filter: 'type'='foo'");
        assertThat(fails("network", "inspect", "cli-nosuch"))
                .isEqualTo("Error response from daemon: network cli-nosuch not found");
        ok("network", "rm", "cli-dup");
    }

    @Test
    void pruneByLabel() {
        ok("network", "create", "--label", "cli-prune=yes", "cli-p1");
        ok("network", "create", "--label", "cli-prune=yes", "--label", "keep", "cli-p2");
        assertThat(ok("network", "prune", "-f", "--filter", "label=cli-prune=yes", "--filter", "label!=keep"))
                .isEqualTo("Deleted Networks:\ncli-p1");
        assertThat(ok("network", "prune", "-f", "--filter", "label=cli-prune=yes", "--filter", "label!=keep")).isEmpty();
        ok("network", "rm", "cli-p2");
    }
}
