package io.netdock.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-subnet allocator: reserved addresses, first free, sizes from /32 to /8 and /64. */
class AddressPoolTest {

    private static InetAddress ip(String text) {
        return IpAddresses.parseOrNull(text);
    }

    private static AddressPool pool(String subnet) {
        return new AddressPool(Cidr.parse(subnet), null);
    }

    /** Allocates like the allocator does: candidate, then take. */
    private static InetAddress next(AddressPool pool) {
        InetAddress candidate = pool.candidate();
        if (candidate != null) {
            assertThat(pool.take(candidate)).isTrue();
        }
        return candidate;
    }

    @Test
    void ipv4NeverHandsOutTheNetworkOrBroadcastAddress() {
        AddressPool pool = pool("10.0.0.0/29");
        List<InetAddress> handedOut = new ArrayList<>();
        InetAddress address;
        while ((address = next(pool)) != null) {
            handedOut.add(address);
        }
        assertThat(handedOut).containsExactly(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"), ip("10.0.0.4"),
                ip("10.0.0.5"), ip("10.0.0.6"));
        assertThat(pool.isUsed(ip("10.0.0.0"))).isTrue();
        assertThat(pool.isUsed(ip("10.0.0.7"))).isTrue();
    }

    @Test
    void slash31UsesBothAddresses() {
        AddressPool pool = pool("10.0.0.0/31");
        assertThat(next(pool)).isEqualTo(ip("10.0.0.0"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.1"));
        assertThat(next(pool)).isNull();
    }

    @Test
    void slash32HasExactlyOneAddress() {
        AddressPool pool = pool("10.0.0.7/32");
        assertThat(next(pool)).isEqualTo(ip("10.0.0.7"));
        assertThat(next(pool)).isNull();
    }

    @Test
    void aReleasedAddressIsTheNextHandedOut() {
        AddressPool pool = pool("10.0.0.0/24");
        pool.reserve(ip("10.0.0.1"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.2"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.3"));
        pool.release(ip("10.0.0.2"));
        assertThat(next(pool)).as("first free, as dockerd's IPAM on local networks").isEqualTo(ip("10.0.0.2"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.4"));
    }

    @Test
    void reusesReleasedAddressesLowestFirstAndSkipsWhatIsStillUsed() {
        AddressPool pool = pool("10.0.0.0/29");
        for (int i = 0; i < 6; i++) {
            next(pool);
        }
        pool.release(ip("10.0.0.3"));
        pool.release(ip("10.0.0.5"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.3"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.5"));
        assertThat(next(pool)).isNull();
    }

    @Test
    void exhaustionIsReportedAsNoCandidate() {
        AddressPool pool = pool("192.168.1.0/30");
        assertThat(next(pool)).isEqualTo(ip("192.168.1.1"));
        assertThat(next(pool)).isEqualTo(ip("192.168.1.2"));
        assertThat(pool.candidate()).isNull();
    }

    @Test
    void dynamicAddressesComeFromTheIpRangeWhoseFirstAddressIsUsable() {
        AddressPool pool = new AddressPool(Cidr.parse("10.71.0.0/24"), Cidr.parse("10.71.0.128/25"));
        assertThat(next(pool)).isEqualTo(ip("10.71.0.128"));
        assertThat(next(pool)).isEqualTo(ip("10.71.0.129"));
        assertThat(pool.reserve(ip("10.71.0.5"))).as("static address outside the range").isTrue();
        assertThat(pool.isUsed(ip("10.71.0.5"))).isTrue();
        assertThat(next(pool)).isEqualTo(ip("10.71.0.130"));
    }

    @Test
    void rangeEndingAtTheBroadcastAddressWrapsBeforeIt() {
        AddressPool pool = new AddressPool(Cidr.parse("10.0.0.0/24"), Cidr.parse("10.0.0.252/30"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.252"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.253"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.254"));
        assertThat(next(pool)).isNull();
    }

    @Test
    void reservedAddressesAreNeverHandedOut() {
        AddressPool pool = pool("10.0.0.0/29");
        assertThat(pool.reserve(ip("10.0.0.1"))).isTrue();
        assertThat(pool.reserve(ip("10.0.0.3"))).isTrue();
        assertThat(pool.reserve(ip("10.0.0.3"))).as("twice").isFalse();
        assertThat(next(pool)).isEqualTo(ip("10.0.0.2"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.4"));
    }

    @Test
    void aSlash8AllocatesEveryAddressOnceWithoutPreallocatingMemory() {
        AddressPool pool = pool("10.0.0.0/8");
        assertThat(pool.pagesInMemory()).isEqualTo(2);
        Set<InetAddress> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(next(pool))).isTrue();
        }
        assertThat(pool.pagesInMemory()).isLessThanOrEqualTo(5);
        assertThat(pool.reserve(ip("10.255.255.254"))).isTrue();
        assertThat(pool.isUsed(ip("10.255.255.255"))).as("broadcast").isTrue();
    }

    @Test
    void smallSubnetsHoldOnlyTheirOwnBits() {
        AddressPool slash24 = new AddressPool(Cidr.parse("10.0.0.0/24"), null);
        for (InetAddress a = slash24.candidate(); a != null; a = slash24.candidate()) {
            slash24.take(a);
        }
        assertThat(slash24.usedCount()).isEqualTo(256);
        assertThat(slash24.bitsInMemory()).as("256 bits, not a 65,536-bit page").isEqualTo(256);
        AddressPool slash30 = new AddressPool(Cidr.parse("10.0.0.0/30"), null);
        assertThat(slash30.candidate()).isEqualTo(IpAddresses.parseOrNull("10.0.0.1"));
        slash30.take(slash30.candidate());
        slash30.take(slash30.candidate());
        assertThat(slash30.candidate()).as("a /30 has two hosts").isNull();
        assertThat(slash30.bitsInMemory()).isEqualTo(64);
        AddressPool slash16 = new AddressPool(Cidr.parse("10.0.0.0/16"), null);
        slash16.take(slash16.candidate());
        assertThat(slash16.bitsInMemory()).isEqualTo(65_536);
    }

    @Test
    void aFullSlash8IsExhaustedAndAReleasedAddressComesBack() {
        AddressPool pool = pool("10.0.0.0/8");
        int handedOut = 0;
        while (next(pool) != null) {
            handedOut++;
        }
        assertThat(handedOut).isEqualTo((1 << 24) - 2);
        pool.release(ip("10.1.2.3"));
        assertThat(next(pool)).isEqualTo(ip("10.1.2.3"));
        assertThat(pool.candidate()).isNull();
    }

    @Test
    void ipv6Slash64StartsAfterTheSubnetRouterAnycastAddressAndCostsNothingUpFront() {
        AddressPool pool = pool("fd00:71::/64");
        assertThat(pool.pagesInMemory()).isEqualTo(1);
        assertThat(next(pool)).isEqualTo(ip("fd00:71::1"));
        assertThat(next(pool)).isEqualTo(ip("fd00:71::2"));
        assertThat(pool.reserve(ip("fd00:71::ffff:ffff:ffff:fffe"))).isTrue();
        assertThat(pool.isUsed(ip("fd00:71::ffff:ffff:ffff:fffe"))).isTrue();
        assertThat(pool.pagesInMemory()).isEqualTo(2);
    }

    @Test
    void ipv6RangeAtTheTopOfASlash64WrapsWithoutTheAllOnesAddress() {
        AddressPool pool = new AddressPool(Cidr.parse("fd00::/64"), Cidr.parse("fd00::ffff:ffff:ffff:fffc/126"));
        assertThat(next(pool)).isEqualTo(ip("fd00::ffff:ffff:ffff:fffc"));
        assertThat(next(pool)).isEqualTo(ip("fd00::ffff:ffff:ffff:fffd"));
        assertThat(next(pool)).isEqualTo(ip("fd00::ffff:ffff:ffff:fffe"));
        assertThat(next(pool)).as("the last address of a /64 is never handed out, as in Docker").isNull();
    }

    @Test
    void ipv6PrefixesLargerThanSlash64AllocateFromTheirStart() {
        AddressPool pool = pool("fd00::/48");
        assertThat(next(pool)).isEqualTo(ip("fd00::1"));
        assertThat(pool.reserve(ip("fd00:0:0:1::5"))).as("beyond the tracked part, left to the database").isTrue();
    }

    @Test
    void afterARestartAllocationTakesTheLowestAddressNotLeased() {
        AddressPool after = pool("10.0.0.0/24");
        for (String leased : new String[] {"10.0.0.1", "10.0.0.3", "10.0.0.4", "10.0.0.5"}) {
            after.reserve(ip(leased));
        }
        assertThat(next(after)).isEqualTo(ip("10.0.0.2"));
        assertThat(next(after)).isEqualTo(ip("10.0.0.6"));
    }

    @Test
    void aSerialPoolHandsOutTheNextAddressAfterTheLastAndWrapsToTheFirstFree() {
        AddressPool pool = new AddressPool(Cidr.parse("10.0.0.0/29"), null, true);
        assertThat(next(pool)).isEqualTo(ip("10.0.0.1"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.2"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.3"));
        pool.release(ip("10.0.0.1"));
        assertThat(next(pool)).as("a released address waits for its turn").isEqualTo(ip("10.0.0.4"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.5"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.6"));
        assertThat(next(pool)).as("after the end of the range: the first free from its start").isEqualTo(ip("10.0.0.1"));
        assertThat(next(pool)).isNull();
    }

    @Test
    void aFirstFreePoolReusesAReleasedAddressAtOnce() {
        AddressPool pool = pool("10.0.0.0/29");
        next(pool);
        next(pool);
        next(pool);
        pool.release(ip("10.0.0.1"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.1"));
        assertThat(next(pool)).isEqualTo(ip("10.0.0.4"));
    }

    @Test
    void aSerialPoolStaysInsideItsRangeAndResumesAfterTheHighestLeaseItIsGiven() {
        AddressPool pool = new AddressPool(Cidr.parse("10.1.0.0/24"), Cidr.parse("10.1.0.128/28"), true);
        pool.reserve(ip("10.1.0.129"));
        pool.resumeAfter(ip("10.1.0.135"));
        pool.reserve(ip("10.1.0.135"));
        pool.resumeAfter(ip("10.1.0.131"));
        pool.reserve(ip("10.1.0.131"));
        pool.resumeAfter(ip("10.1.0.7"));
        assertThat(next(pool)).as("after the highest lease in the range").isEqualTo(ip("10.1.0.136"));
        for (int i = 137; i <= 143; i++) {
            assertThat(next(pool)).isEqualTo(ip("10.1.0." + i));
        }
        assertThat(next(pool)).as("wrapped: the range's first address is usable").isEqualTo(ip("10.1.0.128"));
        assertThat(next(pool)).isEqualTo(ip("10.1.0.130"));
    }

    @Test
    void aSerialSlash8KeepsGoingPastReleasedAddressesWithoutScanningFromTheStart() {
        AddressPool pool = new AddressPool(Cidr.parse("10.0.0.0/8"), null, true);
        for (int i = 0; i < 200_000; i++) {
            next(pool);
        }
        pool.release(ip("10.0.0.1"));
        assertThat(next(pool)).isEqualTo(IpAddresses.fromBytes(new byte[] {10, 3, 13, 65}));
    }
}
