package io.netdock.dns;

import java.util.List;
import java.util.Objects;

/**
 * One running container with an embedded resolver (it has at least one endpoint on a user-defined network).
 *
 * @param endpoints      its user-defined network endpoints in attachment order (the order names are tried in)
 * @param upstreams      the servers unknown names are forwarded to (at most 3, the resolver's own address left out)
 * @param externalAccess some endpoint of the container (on any network) is on a network that is not internal;
 *                       without it, {@link UpstreamNamespace#HOST} upstreams are skipped
 * @param ndotsSet       the user set {@code ndots} ≥ 1: an unknown single-label A/AAAA name gets an empty NOERROR
 *                       so that the client walks its search list
 */
public record DnsContainer(String id, List<DnsEndpoint> endpoints, List<Upstream> upstreams, boolean externalAccess,
                           boolean ndotsSet) {

    public static final int MAX_UPSTREAMS = 3;

    public DnsContainer {
        Objects.requireNonNull(id, "id");
        endpoints = List.copyOf(endpoints);
        upstreams = List.copyOf(upstreams.size() > MAX_UPSTREAMS ? upstreams.subList(0, MAX_UPSTREAMS) : upstreams);
    }
}
