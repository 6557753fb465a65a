/**
 * Docker's embedded DNS server (service discovery on user-defined networks), shared by both kernels and every
 * listener.
 *
 * <p>The seam, meant to stay stable:
 * <ul>
 *   <li>{@link io.netdock.dns.DnsResolver} — the core, pure (no Spring, no I/O): {@code resolve(Querier, Message)}
 *       gives a {@link io.netdock.dns.Resolution}: {@code Answered(reply, local)} or {@code Forward(upstreams)}.
 *       It reads the {@link io.netdock.dns.NameIndex}, kept current by {@code ContainerNameFeed}
 *       on every create/rename/connect/disconnect/start/stop/remove (a stopped container has no endpoints, so no
 *       names).</li>
 *   <li>{@link io.netdock.dns.Querier} — {@code container(id)} for a sandbox's resolver at 127.0.0.11, {@code host()}
 *       for the host listener's view (every network, {@code <name>.<network>}, {@code <name>} where unique).</li>
 *   <li>{@link io.netdock.dns.DnsService} — the one entry every listener calls: {@code answer(Querier, byte[],
 *       Transport)} parses, resolves, forwards (3 upstreams, 4 s each, 1 024 in flight, then up to 4 s waiting
 *       for a slot) and truncates UDP replies. {@code ask(Querier, Message, Transport)} does the same and tells what happened (JSON
 *       endpoint).</li>
 *   <li>{@link io.netdock.dns.UpstreamExchange} — sends one forwarded query from the right namespace
 *       ({@link io.netdock.dns.UpstreamNamespace#HOST}: netdock's host namespace; {@code CONTAINER}: the querying
 *       container's). {@link io.netdock.dns.SocketUpstreamExchange} does it from the JVM's own namespace (simulated
 *       mode); linux mode declares a {@code @Primary} bean of its own.</li>
 * </ul>
 *
 * <p>Beyond Docker, behind options ({@link io.netdock.dns.DnsProperties}): the TTL, PTR answering the bare name,
 * NXDOMAIN for unknown names on internal networks, and a listener on the host ({@code netdock.dns.host-listener}).
 */
package io.netdock.dns;
