package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.NetdockApplication;
import io.netdock.testing.RealKernel;
import io.netdock.testing.ThrowawayHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Restarts in linux mode: the kernel follows what changed in the configuration while netdock was stopped. */
@RealKernel
class NetworkRestartKernelIT {

    private ThrowawayHost host;

    @BeforeEach
    void createHost() {
        host = ThrowawayHost.created("ndk-rs");
    }

    @AfterEach
    void removeHost() {
        host.close();
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--netdock.state-dir=" + host.stateDirectory(), "--server.port=0",
                "--netdock.kernel.mode=linux", "--netdock.kernel.host-netns=" + host.name()));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(NetdockApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aMovedDefaultBridgeKeepsOnlyItsNewGatewayAndRules() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(host.ip("-o", "-4", "addr", "show", "docker0")).contains("inet 172.17.0.1/16");
        }
        try (ConfigurableApplicationContext second = start("--netdock.bridge.subnet=10.254.0.1/24")) {
            assertThat(host.ip("-o", "addr", "show", "docker0").lines().toList()).singleElement().asString()
                    .contains("inet 10.254.0.1/24");
            assertThat(host.ruleset()).contains("ip saddr 10.254.0.0/24 oifname != \"docker0\" masquerade")
                    .doesNotContain("172.17.0.0/16");
        }
    }
}
