package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The environment a legacy link gives a process, as dockerd writes it (docker-py's test_create_with_links). */
class LinkEnvironmentTest {

    @Test
    void nameTheTargetsPortsAndItsVariables() {
        Container target = ContainerStoresIT.sample("d".repeat(64), "db");
        assertThat(LinkEnvironment.of("app", "my-db", target, "172.17.0.3")).containsExactly(
                "MY_DB_PORT=udp://172.17.0.3:53",
                "MY_DB_PORT_53_UDP=udp://172.17.0.3:53", "MY_DB_PORT_53_UDP_ADDR=172.17.0.3",
                "MY_DB_PORT_53_UDP_PORT=53", "MY_DB_PORT_53_UDP_PROTO=udp",
                "MY_DB_PORT_80_TCP=tcp://172.17.0.3:80", "MY_DB_PORT_80_TCP_ADDR=172.17.0.3",
                "MY_DB_PORT_80_TCP_PORT=80", "MY_DB_PORT_80_TCP_PROTO=tcp",
                "MY_DB_NAME=/app/my-db", "MY_DB_ENV_A=b");
    }
}
