package io.netdock.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.netdock.testing.WholeApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docker-java (a client nobody here wrote) through a realistic networking session against netdock's Unix socket,
 * once letting it use the server's newest API and once pinned to 1.41. Everything is asserted on docker-java's
 * typed objects and exceptions, never on raw JSON.
 */
class DockerJavaWorkflowIT extends WholeApplication {

    /** How docker-java is configured; each run has its own names and subnets. */
    enum ApiLevel {
        NEWEST(null, "dj-", "10.241"), V1_41("1.41", "dj41-", "10.242");

        final String version;
        final String prefix;
        final String net;

        ApiLevel(String version, String prefix, String net) {
            this.version = version;
            this.prefix = prefix;
            this.net = net;
        }
    }

    private final List<DockerClient> clients = new ArrayList<>();
    private ApiLevel level;

    private DockerClient docker(ApiLevel apiLevel, String host) {
        this.level = apiLevel;
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).withDockerTlsVerify(false).withDockerConfig(emptyConfigDir());
        if (apiLevel.version != null) {
            config.withApiVersion(apiLevel.version);
        }
        DefaultDockerClientConfig built = config.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(built.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(30)).build();
        DockerClient client = DockerClientImpl.getInstance(built, http);
        clients.add(client);
        return client;
    }

    private DockerClient overSocket(ApiLevel apiLevel) {
        return docker(apiLevel, "unix://" + socket());
    }

    @AfterEach
    void removeWhatTheRunMade() throws IOException {
        if (level != null) {
            DockerClient docker = clients.get(0);
            for (Container c : docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(level.prefix)).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            for (Network n : docker.listNetworksCmd().withNameFilter(level.prefix).exec()) {
                docker.removeNetworkCmd(n.getId()).exec();
            }
        }
        for (DockerClient client : clients) {
            client.close();
        }
    }

    private String name(String suffix) {
        return level.prefix + suffix;
    }

    private String subnet(int third) {
        return level.net + "." + third + ".0/24";
    }

    private String address(int third, int fourth) {
        return level.net + "." + third + "." + fourth;
    }

    @ParameterizedTest
    @EnumSource(ApiLevel.class)
    void pingVersionAndInfoOverSocketAndTcp(ApiLevel apiLevel) {
        for (DockerClient docker : List.of(overSocket(apiLevel), docker(apiLevel, "tcp://127.0.0.1:" + port))) {
            docker.pingCmd().exec();
            Version version = docker.versionCmd().exec();
            assertThat(version.getApiVersion()).isEqualTo("1.51");
            assertThat(version.getMinAPIVersion()).isEqualTo("1.24");
            assertThat(version.getOperatingSystem()).isEqualTo("linux");
            assertThat(version.getArch()).isNotBlank();
            assertThat(version.getKernelVersion()).isNotBlank();

            Info info = docker.infoCmd().exec();
            assertThat(info.getOsType()).isEqualTo("linux");
            assertThat(info.getName()).isNotBlank();
            assertThat(info.getServerVersion()).isEqualTo(version.getVersion());
            assertThat(info.getContainers()).isEqualTo(info.getContainersRunning() + info.getContainersPaused()
                    + info.getContainersStopped());
            assertThat(info.getSwarm().getLocalNodeState().name()).isEqualTo("INACTIVE");
            assertThat(info.getNCPU()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiLevel.class)
    void networksCreateListInspectRemoveAndPrune(ApiLevel apiLevel) {
        DockerClient docker = overSocket(apiLevel);

        String pooled = docker.createNetworkCmd().withName(name("pool")).withLabels(Map.of("dj", "1")).exec().getId();
        Network pool = docker.inspectNetworkCmd().withNetworkId(pooled).exec();
        assertThat(pool.getName()).isEqualTo(name("pool"));
        assertThat(pool.getDriver()).isEqualTo("bridge");
        assertThat(pool.getScope()).isEqualTo("local");
        assertThat(pool.getIpam().getDriver()).isEqualTo("default");
        assertThat(pool.getIpam().getConfig()).singleElement().satisfies(config -> {
            assertThat(config.getSubnet()).matches("(172\\.(1[89]|2\\d|3[01])\\.0\\.0/16|192\\.168\\.\\d+\\.0/20)");
            assertThat(config.getGateway()).isEqualTo(config.getSubnet().replaceFirst("0/\\d+$", "1"));
        });
        assertThat(pool.getLabels()).containsExactly(Map.entry("dj", "1"));
        assertThat(pool.getCreated()).isCloseTo(java.util.Date.from(Instant.now()), 60_000);

        String customId = docker.createNetworkCmd().withName(name("custom"))
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet(1))
                        .withGateway(address(1, 254)).withIpRange(level.net + ".1.128/25")))
                .withOptions(Map.of("com.docker.network.driver.mtu", "1400")).withAttachable(true)
                .withLabels(Map.of("dj", "1", "tier", "front")).exec().getId();
        Network custom = docker.inspectNetworkCmd().withNetworkId(name("custom")).exec();
        assertThat(custom.getId()).isEqualTo(customId);
        assertThat(custom.getIpam().getConfig()).extracting(Network.Ipam.Config::getSubnet,
                Network.Ipam.Config::getGateway, Network.Ipam.Config::getIpRange)
                .containsExactly(tuple(subnet(1), address(1, 254), level.net + ".1.128/25"));
        assertThat(custom.getOptions()).containsExactly(Map.entry("com.docker.network.driver.mtu", "1400"));
        assertThat(custom.isAttachable()).isTrue();
        assertThat(custom.getInternal()).isFalse();
        assertThat(custom.getEnableIPv6()).isFalse();
        assertThat(custom.getContainers()).isEmpty();

        docker.createNetworkCmd().withName(name("v6")).withInternal(true).withEnableIpv6(true)
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet(2)),
                        new Network.Ipam.Config().withSubnet("fd00:" + level.net.substring(3) + ":2::/64")))
                .exec();
        Network v6 = docker.inspectNetworkCmd().withNetworkId(name("v6")).exec();
        assertThat(v6.getEnableIPv6()).isTrue();
        assertThat(v6.getInternal()).isTrue();
        assertThat(v6.getIpam().getConfig()).extracting(Network.Ipam.Config::getSubnet)
                .containsExactly(subnet(2), "fd00:" + level.net.substring(3) + ":2::/64");

        assertThatThrownBy(() -> docker.createNetworkCmd().withName(name("custom")).exec())
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("network with name " + name("custom") + " already exists");
        assertThatThrownBy(() -> docker.createNetworkCmd().withName(name("overlap"))
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(level.net + ".1.0/25")))
                .exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(403))
                .hasMessageContaining("Pool overlaps with other one on this address space");
        assertThatThrownBy(() -> docker.createNetworkCmd().withName(name("drv")).withDriver("nosuchdriver").exec())
                .isInstanceOf(NotFoundException.class) // docker-java's message carries the body, quotes escaped
                .hasMessageContaining("plugin \\\"nosuchdriver\\\" not found");
        assertThatThrownBy(() -> docker.inspectNetworkCmd().withNetworkId(name("nosuch")).exec())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("network " + name("nosuch") + " not found");

        assertThat(docker.listNetworksCmd().withNameFilter(level.prefix).exec()).extracting(Network::getName)
                .containsExactlyInAnyOrder(name("pool"), name("custom"), name("v6"));
        assertThat(docker.listNetworksCmd().withFilter("label", List.of("tier=front")).exec())
                .extracting(Network::getName).containsExactly(name("custom"));
        assertThat(docker.listNetworksCmd().withIdFilter(customId.substring(0, 12)).exec())
                .extracting(Network::getId).containsExactly(customId);
        assertThat(docker.listNetworksCmd().withFilter("type", List.of("builtin")).exec())
                .extracting(Network::getName).containsExactlyInAnyOrder("bridge", "host", "none");
        assertThat(docker.listNetworksCmd().withFilter("driver", List.of("bridge"))
                .withFilter("label", List.of("dj")).withNameFilter(level.prefix).exec())
                .extracting(Network::getName).containsExactlyInAnyOrder(name("pool"), name("custom"));
        assertThatThrownBy(() -> docker.listNetworksCmd().withFilter("bogus", List.of("1")).exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400))
                .hasMessageContaining("invalid filter 'bogus'");

        docker.removeNetworkCmd(name("v6")).exec();
        assertThatThrownBy(() -> docker.removeNetworkCmd("bridge").exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(403))
                .hasMessageContaining("bridge is a pre-defined network and cannot be removed");

        docker.pruneCmd(PruneType.NETWORKS).withLabelFilter("tier=front").exec();
        assertThat(docker.listNetworksCmd().withNameFilter(level.prefix).exec()).extracting(Network::getName)
                .containsExactly(name("pool"));
        docker.pruneCmd(PruneType.NETWORKS).withLabelFilter("dj").exec();
        assertThat(docker.listNetworksCmd().withNameFilter(level.prefix).exec()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiLevel.class)
    void containersOnUserNetworksWithPortsAddressesAliasesAndDns(ApiLevel apiLevel) {
        DockerClient docker = overSocket(apiLevel);
        long since = Instant.now().getEpochSecond();
        String front = docker.createNetworkCmd().withName(name("front")).withIpam(new Network.Ipam().withConfig(
                new Network.Ipam.Config().withSubnet(subnet(10)).withIpRange(level.net + ".10.128/25"))).exec().getId();
        String back = docker.createNetworkCmd().withName(name("back")).withIpam(new Network.Ipam().withConfig(
                new Network.Ipam.Config().withSubnet(subnet(11)))).exec().getId();
        int hostPort = apiLevel == ApiLevel.NEWEST ? 28141 : 28142;

        String web = docker.createContainerCmd("busybox:latest").withName(name("web"))
                .withCmd("httpd", "-f", "-p", "80").withHostName("webhost").withDomainName("example.org")
                .withExposedPorts(ExposedPort.tcp(80), ExposedPort.udp(8080), ExposedPort.tcp(81))
                .withIpv4Address(address(10, 10)).withAliases("web", "www")
                .withLabels(Map.of("dj", "web"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(name("front"))
                        .withPortBindings(new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(80)),
                                new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.udp(8080)))
                        .withPublishAllPorts(true)
                        .withDns("10.0.0.53").withDnsSearch("example.com").withDnsOptions(List.of("ndots:2"))
                        .withExtraHosts("foo:10.0.0.1"))
                .exec().getId();
        docker.startContainerCmd(web).exec();
        assertThatThrownBy(() -> docker.startContainerCmd(web).exec()).isInstanceOf(NotModifiedException.class);

        InspectContainerResponse inspected = docker.inspectContainerCmd(name("web")).exec();
        assertThat(inspected.getId()).isEqualTo(web);
        assertThat(inspected.getState().getRunning()).isTrue();
        assertThat(inspected.getConfig().getHostName()).isEqualTo("webhost");
        assertThat(inspected.getConfig().getDomainName()).isEqualTo("example.org");
        assertThat(inspected.getHostConfig().getNetworkMode()).isEqualTo(name("front"));
        assertThat(inspected.getHostConfig().getDns()).containsExactly("10.0.0.53");
        assertThat(inspected.getHostConfig().getDnsSearch()).containsExactly("example.com");
        assertThat(inspected.getHostConfig().getDnsOptions()).containsExactly("ndots:2");
        assertThat(inspected.getHostConfig().getExtraHosts()).containsExactly("foo:10.0.0.1");
        ContainerNetwork onFront = inspected.getNetworkSettings().getNetworks().get(name("front"));
        assertThat(onFront.getNetworkID()).isEqualTo(front);
        assertThat(onFront.getIpAddress()).isEqualTo(address(10, 10));
        assertThat(onFront.getIpPrefixLen()).isEqualTo(24);
        assertThat(onFront.getGateway()).isEqualTo(address(10, 128)); // the first address of the ip-range
        assertThat(onFront.getIpamConfig().getIpv4Address()).isEqualTo(address(10, 10));
        assertThat(onFront.getMacAddress()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(onFront.getEndpointId()).matches("[0-9a-f]{64}");
        // below API 1.45 Docker adds the short ID and the hostname to the aliases
        assertThat(onFront.getAliases()).containsExactlyElementsOf(apiLevel == ApiLevel.V1_41
                ? List.of("web", "www", web.substring(0, 12), "webhost") : List.of("web", "www"));
        assertThat(inspected.getNetworkSettings().getIpAddress()).isEmpty(); // legacy fields mirror only "bridge"
        Map<ExposedPort, Ports.Binding[]> bindings = inspected.getNetworkSettings().getPorts().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(80))).extracting(Ports.Binding::getHostIp, Ports.Binding::getHostPortSpec)
                .containsExactly(tuple("0.0.0.0", String.valueOf(hostPort)), tuple("::", String.valueOf(hostPort)));
        assertThat(bindings.get(ExposedPort.udp(8080))).singleElement().satisfies(b -> {
            assertThat(b.getHostIp()).isEqualTo("127.0.0.1");
            assertThat(Integer.parseInt(b.getHostPortSpec())).isBetween(1024, 65535);
        });
        assertThat(bindings.get(ExposedPort.tcp(81))).hasSize(2);
        assertThat(inspected.getNetworkSettings().getSandboxKey()).isNotEmpty();

        assertThat(copy(docker, web, "/etc/hosts")).contains("10.0.0.1\tfoo\n")
                .contains(address(10, 10) + "\twebhost.example.org webhost\n");
        assertThat(copy(docker, web, "/etc/resolv.conf")).contains("nameserver 127.0.0.11")
                .contains("search example.com").contains("options ndots:2");

        String db = docker.createContainerCmd("busybox:latest").withName(name("db")).withCmd("sleep", "1000")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(name("front"))).exec().getId();
        docker.startContainerCmd(db).exec();
        assertThat(docker.inspectContainerCmd(db).exec().getNetworkSettings().getNetworks().get(name("front"))
                .getIpAddress()).isEqualTo(address(10, 129));

        docker.connectToNetworkCmd().withNetworkId(back).withContainerId(db).withContainerNetwork(new ContainerNetwork()
                .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address(11, 50))).withAliases("db2")).exec();
        assertThatThrownBy(() -> docker.connectToNetworkCmd().withNetworkId(back).withContainerId(db).exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(403))
                .hasMessageContaining("endpoint with name " + name("db") + " already exists in network " + name("back"));
        Map<String, ContainerNetwork> dbNetworks = docker.inspectContainerCmd(db).exec().getNetworkSettings().getNetworks();
        assertThat(dbNetworks).containsOnlyKeys(name("front"), name("back"));
        assertThat(dbNetworks.get(name("back")).getIpAddress()).isEqualTo(address(11, 50));
        assertThat(dbNetworks.get(name("back")).getAliases()).contains("db2");
        assertThat(docker.inspectNetworkCmd().withNetworkId(back).exec().getContainers())
                .containsOnlyKeys(db).hasEntrySatisfying(db, endpoint -> {
                    assertThat(endpoint.getName()).isEqualTo(name("db"));
                    assertThat(endpoint.getIpv4Address()).isEqualTo(address(11, 50) + "/24");
                });
        assertThat(copy(docker, db, "/etc/hosts")).contains(address(10, 129) + "\t" + db.substring(0, 12) + "\n")
                .contains(address(11, 50) + "\t" + db.substring(0, 12) + "\n");

        List<Container> onFrontList = docker.listContainersCmd().withNetworkFilter(List.of(name("front"))).exec();
        assertThat(onFrontList).extracting(Container::getId).containsExactlyInAnyOrder(web, db);
        Container webItem = onFrontList.stream().filter(c -> c.getId().equals(web)).findFirst().orElseThrow();
        assertThat(webItem.getNames()).containsExactly("/" + name("web"));
        assertThat(webItem.getState()).isEqualTo("running");
        assertThat(webItem.getLabels()).containsEntry("dj", "web");
        assertThat(webItem.getHostConfig().getNetworkMode()).isEqualTo(name("front"));
        assertThat(webItem.getNetworkSettings().getNetworks().get(name("front")).getIpAddress()).isEqualTo(address(10, 10));
        assertThat(Arrays.stream(webItem.getPorts()).filter(p -> p.getPrivatePort() == 80))
                .extracting(ContainerPort::getIp, ContainerPort::getPublicPort, ContainerPort::getType)
                .containsExactlyInAnyOrder(tuple("0.0.0.0", hostPort, "tcp"), tuple("::", hostPort, "tcp"));
        assertThat(docker.listContainersCmd().withFilter("publish", List.of(String.valueOf(hostPort))).exec())
                .extracting(Container::getId).containsExactly(web);

        docker.disconnectFromNetworkCmd().withNetworkId(back).withContainerId(db).exec();
        assertThat(docker.inspectContainerCmd(db).exec().getNetworkSettings().getNetworks())
                .containsOnlyKeys(name("front"));
        assertThatThrownBy(() -> docker.disconnectFromNetworkCmd().withNetworkId(back).withContainerId(db).exec())
                .isInstanceOf(InternalServerErrorException.class)
                .hasMessageContaining("container " + db + " is not connected to network " + name("back"));
        assertThatThrownBy(() -> docker.removeNetworkCmd(name("front")).exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(403))
                .hasMessageContaining("has active endpoints");

        docker.stopContainerCmd(web).withTimeout(1).exec();
        InspectContainerResponse stopped = docker.inspectContainerCmd(web).exec();
        assertThat(stopped.getState().getRunning()).isFalse();
        assertThat(stopped.getState().getExitCodeLong()).isEqualTo(143L);
        assertThat(stopped.getNetworkSettings().getPorts().getBindings()).isEmpty();
        ContainerNetwork stoppedOnFront = stopped.getNetworkSettings().getNetworks().get(name("front"));
        assertThat(stoppedOnFront.getIpAddress()).isEmpty();
        assertThat(stoppedOnFront.getEndpointId()).isEmpty();
        assertThat(stoppedOnFront.getIpamConfig().getIpv4Address()).isEqualTo(address(10, 10));

        List<Event> networkEvents = events(docker, since, EventType.NETWORK);
        assertThat(networkEvents).filteredOn(e -> e.getActor().getId().equals(back))
                .extracting(Event::getAction, e -> e.getActor().getAttributes().get("container"))
                .containsExactly(tuple("create", null), tuple("connect", db), tuple("disconnect", db));
        assertThat(networkEvents).filteredOn(e -> e.getActor().getId().equals(front))
                .extracting(Event::getAction).containsExactly("create", "connect", "connect", "disconnect");
        assertThat(events(docker, since, EventType.CONTAINER)).filteredOn(e -> e.getActor().getId().equals(web))
                .extracting(Event::getAction)
                .containsSubsequence("create", "start", "archive-path", "kill", "die", "stop");

        docker.removeContainerCmd(db).withForce(true).exec();
        docker.removeContainerCmd(web).exec();
        assertThatThrownBy(() -> docker.inspectContainerCmd(web).exec()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such container: " + web);
    }

    @ParameterizedTest
    @EnumSource(ApiLevel.class)
    void linksAndNetworkModes(ApiLevel apiLevel) {
        DockerClient docker = overSocket(apiLevel);
        docker.createNetworkCmd().withName(name("user")).withIpam(new Network.Ipam().withConfig(
                new Network.Ipam.Config().withSubnet(subnet(20)))).exec();

        String target = run(docker, docker.createContainerCmd("busybox:latest").withName(name("target"))
                .withHostName("targethost").withCmd("sleep", "1000"));
        String parent = run(docker, docker.createContainerCmd("busybox:latest").withName(name("parent"))
                .withCmd("sleep", "1000").withHostConfig(HostConfig.newHostConfig()
                        .withLinks(new Link(name("target"), "db"), new Link(name("target"), name("target")))));
        InspectContainerResponse linked = docker.inspectContainerCmd(parent).exec();
        assertThat(linked.getHostConfig().getLinks()).extracting(Link::getName, Link::getAlias)
                .containsExactlyInAnyOrder(tuple(name("target"), "db"), tuple(name("target"), name("target")));
        assertThat(linked.getHostConfig().getNetworkMode()).isEqualTo("bridge");
        ContainerNetwork bridge = linked.getNetworkSettings().getNetworks().get("bridge");
        assertThat(bridge.getIpAddress()).startsWith("172.17.");
        assertThat(linked.getNetworkSettings().getIpAddress()).isEqualTo(bridge.getIpAddress());
        assertThat(linked.getNetworkSettings().getGateway()).isEqualTo("172.17.0.1");
        String targetIp = docker.inspectContainerCmd(target).exec().getNetworkSettings().getIpAddress();
        assertThat(copy(docker, parent, "/etc/hosts")).contains(targetIp + "\tdb targethost " + name("target") + "\n")
                .contains(targetIp + "\t" + name("target") + " targethost\n");
        assertThat(docker.listContainersCmd().withNameFilter(List.of(name("target"))).exec())
                .singleElement().satisfies(c -> assertThat(c.getNames()).containsExactlyInAnyOrder(
                        "/" + name("target"), "/" + name("parent") + "/db", "/" + name("parent") + "/" + name("target")));

        // a link to a container that is not on the default bridge: the start fails, the container stays created
        String userOnly = run(docker, docker.createContainerCmd("busybox:latest").withName(name("useronly"))
                .withCmd("sleep", "1000").withHostConfig(HostConfig.newHostConfig().withNetworkMode(name("user"))));
        String refused = docker.createContainerCmd("busybox:latest").withName(name("refused")).withCmd("sleep", "1000")
                .withHostConfig(HostConfig.newHostConfig().withLinks(new Link(name("useronly"), "w"))).exec().getId();
        assertThatThrownBy(() -> docker.startContainerCmd(refused).exec())
                .isInstanceOf(InternalServerErrorException.class)
                .hasMessageContaining("Cannot link to /" + name("useronly") + ", as it does not belong to the default network");
        InspectContainerResponse refusedState = docker.inspectContainerCmd(refused).exec();
        assertThat(refusedState.getState().getStatus()).isEqualTo("created");
        assertThat(refusedState.getState().getExitCodeLong()).isEqualTo(128L);
        assertThat(refusedState.getState().getError())
                .isEqualTo("Cannot link to /" + name("useronly") + ", as it does not belong to the default network");

        // on a user network a link is given per endpoint and becomes a DNS alias, not a legacy link
        String aliased = docker.createContainerCmd("busybox:latest").withName(name("aliased")).withCmd("sleep", "1000")
                .exec().getId();
        docker.connectToNetworkCmd().withNetworkId(name("user")).withContainerId(aliased)
                .withContainerNetwork(new ContainerNetwork().withLinks(new Link(name("useronly"), "dbalias"))).exec();
        docker.startContainerCmd(aliased).exec();
        InspectContainerResponse aliasedState = docker.inspectContainerCmd(aliased).exec();
        assertThat(aliasedState.getNetworkSettings().getNetworks()).containsOnlyKeys("bridge", name("user"));
        assertThat(aliasedState.getNetworkSettings().getNetworks().get(name("user")).getLinks())
                .extracting(Link::getName, Link::getAlias).containsExactly(tuple(name("useronly"), "dbalias"));
        assertThat(aliasedState.getHostConfig().getLinks()).isNullOrEmpty();

        String host = run(docker, docker.createContainerCmd("busybox:latest").withName(name("host")).withCmd("sleep", "1000")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host")));
        InspectContainerResponse hostState = docker.inspectContainerCmd(host).exec();
        assertThat(hostState.getNetworkSettings().getNetworks()).containsOnlyKeys("host");
        assertThat(hostState.getNetworkSettings().getNetworks().get("host").getIpAddress()).isEmpty();
        assertThatThrownBy(() -> docker.connectToNetworkCmd().withNetworkId(name("user")).withContainerId(host).exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400))
                .hasMessageContaining("container sharing network namespace with another container or host cannot be "
                        + "connected to any other network");

        String none = run(docker, docker.createContainerCmd("busybox:latest").withName(name("none")).withCmd("sleep", "1000")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")));
        ContainerNetwork noneEndpoint = docker.inspectContainerCmd(none).exec().getNetworkSettings().getNetworks().get("none");
        assertThat(noneEndpoint.getIpAddress()).isEmpty();
        assertThat(noneEndpoint.getEndpointId()).matches("[0-9a-f]{64}");

        String side = run(docker, docker.createContainerCmd("busybox:latest").withName(name("side")).withCmd("sleep", "1000")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + name("target"))));
        InspectContainerResponse sideState = docker.inspectContainerCmd(side).exec();
        assertThat(sideState.getHostConfig().getNetworkMode()).isEqualTo("container:" + target);
        assertThat(sideState.getNetworkSettings().getNetworks()).isEmpty();
        assertThat(sideState.getNetworkSettings().getSandboxKey()).isEmpty();
        assertThat(sideState.getConfig().getHostName()).isEqualTo("targethost");
        assertThatThrownBy(() -> docker.createContainerCmd("busybox:latest").withName(name("badside"))
                .withHostName("x").withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + target)).exec())
                .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400))
                .hasMessageContaining("conflicting options: hostname and the network mode");

        assertThat(docker.listContainersCmd().withNetworkFilter(List.of("host")).exec()).extracting(Container::getId)
                .containsExactly(host);
        assertThat(docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(level.prefix)).exec())
                .extracting(Container::getId).contains(target, parent, refused, side, none, host);
    }

    private static String run(DockerClient docker, com.github.dockerjava.api.command.CreateContainerCmd create) {
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** {@code docker cp}: the single file of the tar archive docker-java hands back. */
    private static String copy(DockerClient docker, String container, String path) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(container, path).exec();
             TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry = entries.getNextEntry();
            assertThat(entry.getName()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
            return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events of one type from {@code since} up to now: the stream replays them and ends at {@code until}. */
    private static List<Event> events(DockerClient docker, long since, EventType type) {
        List<Event> received = new ArrayList<>();
        try {
            boolean ended = docker.eventsCmd().withSince(String.valueOf(since))
                    .withUntil(String.valueOf(Instant.now().getEpochSecond() + 1)).withEventTypeFilter(type)
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            received.add(event);
                        }
                    }).awaitCompletion(20, TimeUnit.SECONDS);
            assertThat(ended).as("the event stream ends at until").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(received).allSatisfy(e -> assertThat(e.getType()).isEqualTo(type));
        return received;
    }

    private static String emptyConfigDir() {
        try {
            return Files.createTempDirectory("netdock-docker-java").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
