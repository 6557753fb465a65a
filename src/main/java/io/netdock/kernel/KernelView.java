package io.netdock.kernel;

import java.util.List;

/**
 * What exists in the kernel, read back: each namespace with its links, addresses and routes, and the
 * firewall ruleset rendered as nft text.
 */
public record KernelView(String mode, List<NamespaceView> namespaces, String ruleset) {

    /** @param ruleset the namespace's own nftables tables as nft lists them (a sandbox's {@code ip docker-dns}); the
     *                host's table is {@link KernelView#ruleset} */
    public record NamespaceView(String name, List<LinkView> links, List<String> addresses, List<String> routes,
                                String ruleset) {
    }

    /**
     * @param name        interface name
     * @param index       ifindex
     * @param kind        {@code bridge}, {@code veth}, {@code loopback}
     * @param peerIndex   for a veth, the peer's ifindex (shown as {@code eth0@if12}), else 0
     * @param master      the bridge a port belongs to, or null
     * @param up          administrative state
     */
    public record LinkView(String name, int index, String kind, int peerIndex, String master, String macAddress,
                           int mtu, boolean up) {

        /** The name as {@code ip link} shows it: {@code eth0@if12} for a veth, else the plain name. */
        public String label() {
            return peerIndex == 0 ? name : name + "@if" + peerIndex;
        }
    }
}
