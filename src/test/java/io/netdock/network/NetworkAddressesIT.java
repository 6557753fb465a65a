package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.ipam.AddressInUse;
import io.netdock.ipam.AddressesExhausted;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Address leases for endpoints through {@link NetworkAddresses}, as the endpoint module uses them. */
class NetworkAddressesIT extends NetworkApiApplication {

    @Autowired
    NetworkAddresses addresses;

    private static InetAddress ip(String text) {
        return IpAddresses.parseOrNull(text);
    }

    @Test
    void dynamicLeasesComeAfterTheGatewayFirstFree() {
        String id = create("{\"Name\":\"" + unique("lease") + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.44.0.0/24\"}]}}");
        AddressLease first = addresses.lease(id, "ep1", null, null);
        assertThat(first.ipv4()).hasToString("10.44.0.2/24");
        assertThat(first.gatewayV4()).isEqualTo(ip("10.44.0.1"));
        assertThat(first.ipv6()).isNull();
        assertThat(addresses.lease(id, "ep2", null, null).ipv4()).hasToString("10.44.0.3/24");
        addresses.release(id, "ep1");
        addresses.release(id, "ep1");
        assertThat(addresses.lease(id, "ep3", null, null).ipv4()).as("first free: the released .2, as on dockerd")
                .hasToString("10.44.0.2/24");
        assertThat(addresses.lease(id, "ep3", null, null).ipv4()).as("asking again returns the same lease")
                .hasToString("10.44.0.2/24");
        assertThat(addresses.lease(id, "ep4", null, null).ipv4()).hasToString("10.44.0.4/24");
        remove(id);
        addresses.release(id, "ep2");
    }

    @Test
    void theSerialIpamOptionHandsOutAddressesInTurn() {
        String id = create("{\"Name\":\"" + unique("serial") + "\",\"IPAM\":{\"Options\":{\"com.docker.network.ipam.serial\":"
                + "\"true\"},\"Config\":[{\"Subnet\":\"10.43.0.0/29\"}]}}");
        assertThat(inspect(id).getMap("IPAM.Options")).containsEntry("com.docker.network.ipam.serial", "true");
        assertThat(addresses.lease(id, "ep1", null, null).ipv4()).hasToString("10.43.0.2/29");
        assertThat(addresses.lease(id, "ep2", null, null).ipv4()).hasToString("10.43.0.3/29");
        addresses.release(id, "ep1");
        assertThat(addresses.lease(id, "ep3", null, null).ipv4()).as("after the last, not the released .2")
                .hasToString("10.43.0.4/29");
        assertThat(addresses.lease(id, "ep4", null, null).ipv4()).hasToString("10.43.0.5/29");
        assertThat(addresses.lease(id, "ep5", null, null).ipv4()).hasToString("10.43.0.6/29");
        assertThat(addresses.lease(id, "ep6", null, null).ipv4()).as("wrapped to the first free")
                .hasToString("10.43.0.2/29");
        for (String owner : new String[] {"ep2", "ep3", "ep4", "ep5", "ep6"}) {
            addresses.release(id, owner);
        }
        remove(id);
    }

    @Test
    void staticAddresses() {
        String id = create("{\"Name\":\"" + unique("static") + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.45.0.0/24\","
                + "\"IPRange\":\"10.45.0.128/25\",\"Gateway\":\"10.45.0.1\",\"AuxiliaryAddresses\":{\"a\":\"10.45.0.9\"}}]}}");
        assertThat(addresses.lease(id, "s1", ip("10.45.0.10"), null).ipv4()).as("outside the range, inside the subnet")
                .hasToString("10.45.0.10/24");
        assertThatThrownBy(() -> addresses.lease(id, "s2", ip("10.45.0.10"), null)).isInstanceOf(AddressInUse.class)
                .hasMessage("Address already in use");
        assertThatThrownBy(() -> addresses.lease(id, "s2", ip("10.45.0.1"), null)).isInstanceOf(AddressInUse.class);
        assertThatThrownBy(() -> addresses.lease(id, "s2", ip("10.45.0.9"), null)).isInstanceOf(AddressInUse.class);
        assertThatThrownBy(() -> addresses.lease(id, "s2", ip("10.72.0.5"), null))
                .isInstanceOfSatisfying(DockerError.class, e -> assertThat(e.category())
                        .isEqualTo(ErrorCategory.INVALID_PARAMETER))
                .hasMessage("no configured subnet or ip-range contain the IP address 10.72.0.5");
        assertThat(addresses.lease(id, "d1", null, null).ipv4()).hasToString("10.45.0.128/24");
        assertThatThrownBy(() -> addresses.lease(id, "s3", null, ip("fd00::5")))
                .hasMessage(NetworkAddresses.STATIC_NEEDS_USER_SUBNET);
        remove(id);
    }

    @Test
    void staticAddressesNeedAUserConfiguredSubnet() {
        String id = createNamed(unique("auto"));
        String subnet = service.get(id).ipam().config().get(0).subnet();
        InetAddress inside = io.netdock.ipam.Cidr.parse(subnet).addressAt(java.math.BigInteger.valueOf(9));
        assertThatThrownBy(() -> addresses.lease(id, "x", inside, null))
                .isInstanceOfSatisfying(DockerError.class, e -> assertThat(e.category())
                        .isEqualTo(ErrorCategory.INVALID_PARAMETER))
                .hasMessage("user specified IP address is supported only when connecting to networks with user "
                        + "configured subnets");
        remove(id);
    }

    @Autowired
    NetworkService service;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void dualStackLeases() {
        String id = create("{\"Name\":\"" + unique("dual") + "\",\"EnableIPv6\":true,\"IPAM\":{\"Config\":["
                + "{\"Subnet\":\"10.46.0.0/24\"},{\"Subnet\":\"fd00:46::/64\"}]}}");
        AddressLease lease = addresses.lease(id, "ep", null, null);
        assertThat(lease.ipv4()).hasToString("10.46.0.2/24");
        assertThat(lease.ipv6()).isEqualTo(new io.netdock.kernel.IpPrefix(ip("fd00:46::2"), 64));
        assertThat(lease.gatewayV6()).isEqualTo(ip("fd00:46::1"));
        AddressLease fixed = addresses.lease(id, "ep2", ip("10.46.0.50"), ip("fd00:46::50"));
        assertThat(fixed.ipv6().address()).isEqualTo(ip("fd00:46::50"));
        assertThatThrownBy(() -> addresses.lease(id, "ep3", null, ip("fd00:46::50"))).isInstanceOf(AddressInUse.class);
        assertThat(addresses.lease(id, "ep3", null, null).ipv4())
                .as("the failed v6 claim released its v4 address (.3), the first free again")
                .hasToString("10.46.0.3/24");
        assertThat(new io.netdock.ipam.Leases(jdbc).ofNetwork(id)).hasSize(6);
        remove(id);
    }

    @Test
    void exhaustionAndTheNetworksWithoutAddresses() {
        String id = create("{\"Name\":\"" + unique("tiny") + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.47.0.0/30\"}]}}");
        assertThat(addresses.lease(id, "a", null, null).ipv4()).hasToString("10.47.0.2/30");
        assertThatThrownBy(() -> addresses.lease(id, "b", null, null)).isInstanceOf(AddressesExhausted.class)
                .hasMessage("no available addresses on this pool");
        remove(id);
        String host = inspect("host").getString("Id");
        assertThat(addresses.lease(host, "h", null, null)).isEqualTo(new AddressLease(null, null, null, null));
        assertThatThrownBy(() -> addresses.lease("f".repeat(64), "x", null, null)).isInstanceOf(NetworkNotFound.class);
    }

    @Test
    void configurationOnlyNetworksTakeNoEndpoints() {
        String id = create("{\"Name\":\"" + unique("cfgonly") + "\",\"ConfigOnly\":true}");
        assertThatThrownBy(() -> addresses.lease(id, "x", null, null))
                .hasMessage("cannot create endpoint on configuration-only network");
        remove(id);
    }
}
