package io.netdock.kernel.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.NetNamespace;
import io.netdock.kernel.spi.NewLink;
import org.junit.jupiter.api.Test;

/** What belongs to a link (bridge ports, addresses, sysctls) follows it when links come and go. */
class SimulatedNamespaceTest {

    private final SimulatedKernel kernel = new SimulatedKernel("/tmp/netns");
    private final NetNamespace host = kernel.host();
    private final NetNamespace sandbox = kernel.createNamespace("sandbox");

    @Test
    void bridgePortsFollowTheirLinks() {
        host.createLink(new NewLink.Bridge("br0", 1500, null, 0));
        host.createLink(new NewLink.Bridge("br1", 1500, null, 0));
        host.createLink(new NewLink.Veth("v1", 1500, "br0", "e1", null, sandbox));
        host.createLink(new NewLink.Veth("v2", 1500, "br0", "e2", null, sandbox));
        host.createLink(new NewLink.Veth("v3", 1500, "br1", "e3", null, sandbox));
        assertThat(host.portsOf("br0")).extracting(Link::name).containsExactly("v1", "v2");
        host.deleteLink("v1");
        assertThat(host.portsOf("br0")).extracting(Link::name).containsExactly("v2");
        assertThat(sandbox.link("e1")).as("the peer goes with it").isEmpty();
        sandbox.deleteLink("e2");
        assertThat(host.portsOf("br0")).as("deleting the peer deletes the pair").isEmpty();
        host.deleteLink("br1");
        assertThat(host.link("v3").orElseThrow().master()).as("a port outlives its bridge, detached").isNull();
        assertThat(host.portsOf("br1")).isEmpty();
    }

    @Test
    void addressesAndSysctlsGoWithTheirLink() {
        host.createLink(new NewLink.Bridge("br0", 1500, null, 0));
        host.createLink(new NewLink.Bridge("br1", 1500, null, 0));
        host.addAddress("br0", IpPrefix.parse("10.0.0.1/24"));
        host.addAddress("br1", IpPrefix.parse("10.0.1.1/24"));
        assertThatThrownBy(() -> host.addAddress("br0", IpPrefix.parse("10.0.0.1/24")))
                .isInstanceOf(KernelException.class);
        host.addAddress("br1", IpPrefix.parse("10.0.0.1/24"));
        host.setSysctl("net/ipv6/conf/br0/disable_ipv6", "1");
        host.setSysctl("net/ipv6/conf/br1/disable_ipv6", "1");
        host.deleteLink("br0");
        assertThat(host.addresses()).extracting(a -> a.prefix().toString()).containsExactly("10.0.1.1/24", "10.0.0.1/24");
        assertThatThrownBy(() -> host.sysctl("net/ipv6/conf/br0/disable_ipv6")).isInstanceOf(KernelException.class);
        assertThat(host.sysctl("net/ipv6/conf/br1/disable_ipv6")).isEqualTo("1");
        host.createLink(new NewLink.Bridge("br0", 1500, null, 0));
        assertThat(host.addresses()).as("a new link of the same name starts without addresses").hasSize(2);
    }
}
