package io.netdock.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Docker's embedded resolver, without I/O: answers a query from the {@link NameIndex} as the querier's resolver
 * would (libnetwork's {@code resolver.go} and {@code sandbox.go}), or says which upstreams to forward it to.
 *
 * <ul>
 *   <li>A/AAAA: every address of the name, shuffled per answer; a known name without an address of the family:
 *       empty NOERROR (never forwarded).</li>
 *   <li>A name {@code a.b.c} is tried whole on every network of the querier, then as {@code a.b} on network
 *       {@code c}, then as {@code a} on network {@code b.c}; at each step the querier's {@code --link} aliases
 *       first, then the networks' names, endpoint by endpoint in attachment order. Case is ignored.</li>
 *   <li>PTR of a local address: {@code <first DNS name>.<network>}; MX of a name with an address: empty NOERROR.
 *   <li>Everything else goes to the querier's upstreams ({@link UpstreamNamespace#HOST} ones only when it has
 *       external access).</li>
 *   <li>The host view ({@link Querier#host()}) sees every network, {@code <name>} only where the name is on one
 *       network, and never forwards: what it does not know is NXDOMAIN.</li>
 * </ul>
 */
public final class DnsResolver {

    private static final List<InetAddress> KNOWN_WITHOUT_ADDRESS = List.of();

    private final NameIndex index;
    private final DnsOptions options;

    public DnsResolver(NameIndex index, DnsOptions options) {
        this.index = index;
        this.options = options;
    }

    public DnsOptions options() {
        return options;
    }

    /** The names it answers from. */
    NameIndex index() {
        return index;
    }

    /** Resolves one query; a query without a question gets FORMERR. */
    public Resolution resolve(Querier querier, Message query) {
        Record question = query.getQuestion();
        if (question == null) {
            return new Resolution.Answered(reply(query, Rcode.FORMERR), false);
        }
        DnsContainer container = null;
        if (!querier.isHost()) {
            container = index.container(querier.containerId().get()).orElse(null);
            if (container == null) {
                return new Resolution.Forward(List.of());
            }
        }
        String name = lowerCase(question.getName());
        switch (question.getType()) {
            case Type.A, Type.AAAA -> {
                boolean v6 = question.getType() == Type.AAAA;
                List<InetAddress> found = find(container, name, v6);
                if (found != null) {
                    return new Resolution.Answered(addressReply(query, found, v6), true);
                }
            }
            case Type.MX -> {
                if (hasAddress(find(container, name, false)) || hasAddress(find(container, name, true))) {
                    return new Resolution.Answered(reply(query, Rcode.NOERROR), true);
                }
            }
            case Type.PTR -> {
                Name host = reverse(container, question.getName());
                if (host != null) {
                    Message reply = reply(query, Rcode.NOERROR);
                    reply.addRecord(new PTRRecord(question.getName(), DClass.IN, options.ttl(), host), Section.ANSWER);
                    return new Resolution.Answered(reply, true);
                }
            }
            default -> {
            }
        }
        return unknown(container, query, question.getType(), name);
    }

    private Resolution unknown(DnsContainer container, Message query, int type, String name) {
        if (container == null) {
            return new Resolution.Answered(reply(query, Rcode.NXDOMAIN), false);
        }
        if (container.ndotsSet() && (type == Type.A || type == Type.AAAA) && name.indexOf('.') < 0) {
            return new Resolution.Answered(reply(query, Rcode.NOERROR), false);
        }
        List<Upstream> upstreams = container.upstreams();
        if (!container.externalAccess()) {
            upstreams = upstreams.stream().filter(u -> u.namespace() == UpstreamNamespace.CONTAINER).toList();
            if (upstreams.isEmpty() && options.internalUnknown() == DnsOptions.InternalUnknown.NXDOMAIN) {
                return new Resolution.Answered(reply(query, Rcode.NXDOMAIN), false);
            }
        }
        return new Resolution.Forward(upstreams);
    }

    /**
     * The addresses of the family for a name, an empty list for a known name without one, null for an unknown
     * name.
     */
    private List<InetAddress> find(DnsContainer container, String name, boolean v6) {
        if (name.isEmpty()) {
            return null;
        }
        String request = name;
        String network = null;
        while (true) {
            List<InetAddress> found = container == null
                    ? findForHost(request, network, v6)
                    : findForContainer(container, request, network, v6);
            if (found != null) {
                return found;
            }
            int dot = request.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            network = name.substring(dot + 1);
            request = name.substring(0, dot);
        }
    }

    private List<InetAddress> findForContainer(DnsContainer container, String request, String network, boolean v6) {
        List<InetAddress> found = findOnEndpoints(container, request, network, v6, true);
        return found != null ? found : findOnEndpoints(container, request, network, v6, false);
    }

    /** libnetwork's {@code Sandbox.resolveName}: the first endpoint whose network knows the name decides. */
    private List<InetAddress> findOnEndpoints(DnsContainer container, String request, String network, boolean v6,
                                              boolean throughLinks) {
        for (DnsEndpoint endpoint : container.endpoints()) {
            String target = endpoint.links().get(request);
            if (throughLinks != (target != null)) {
                continue;
            }
            if (network != null && !endpoint.networkName().equalsIgnoreCase(network)) {
                continue;
            }
            List<DnsEndpoint> holders = index.onNetwork(endpoint.networkId(), throughLinks ? target : request);
            if (!holders.isEmpty()) {
                return addresses(holders, v6);
            }
        }
        return null;
    }

    private List<InetAddress> findForHost(String request, String network, boolean v6) {
        List<DnsEndpoint> holders = index.anywhere(request);
        if (holders.isEmpty()) {
            return null;
        }
        if (network == null) {
            String only = holders.get(0).networkId();
            for (DnsEndpoint holder : holders) {
                if (!holder.networkId().equals(only)) {
                    return null;
                }
            }
            return addresses(holders, v6);
        }
        List<DnsEndpoint> onNetwork = new ArrayList<>(holders.size());
        for (DnsEndpoint holder : holders) {
            if (holder.networkName().equalsIgnoreCase(network)) {
                onNetwork.add(holder);
            }
        }
        return onNetwork.isEmpty() ? null : addresses(onNetwork, v6);
    }

    private static List<InetAddress> addresses(List<DnsEndpoint> holders, boolean v6) {
        if (holders.size() == 1) {
            InetAddress only = holders.get(0).address(v6);
            return only == null ? KNOWN_WITHOUT_ADDRESS : List.of(only);
        }
        List<InetAddress> addresses = new ArrayList<>(holders.size());
        for (DnsEndpoint holder : holders) {
            InetAddress address = holder.address(v6);
            if (address != null && !addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static boolean hasAddress(List<InetAddress> found) {
        return found != null && !found.isEmpty();
    }

    private Message addressReply(Message query, List<InetAddress> addresses, boolean v6) {
        Message reply = reply(query, Rcode.NOERROR);
        Name owner = query.getQuestion().getName();
        int count = addresses.size();
        InetAddress[] order = addresses.toArray(new InetAddress[0]);
        for (int i = count - 1; i > 0; i--) {
            int j = ThreadLocalRandom.current().nextInt(i + 1);
            InetAddress swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < count; i++) {
            InetAddress address = order[i];
            reply.addRecord(v6 ? new AAAARecord(owner, DClass.IN, options.ttl(), address)
                    : new ARecord(owner, DClass.IN, options.ttl(), address), Section.ANSWER);
        }
        return reply;
    }

    /** The PTR target for a local address on one of the querier's networks (any network for the host view). */
    private Name reverse(DnsContainer container, Name question) {
        InetAddress address;
        try {
            address = ReverseMap.fromName(question);
        } catch (UnknownHostException | RuntimeException notAnAddress) {
            return null;
        }
        List<DnsEndpoint> holders = index.withAddress(address);
        if (holders.isEmpty()) {
            return null;
        }
        DnsEndpoint found = null;
        if (container == null) {
            found = holders.get(0);
        } else {
            for (int e = 0; e < container.endpoints().size() && found == null; e++) {
                String networkId = container.endpoints().get(e).networkId();
                for (DnsEndpoint holder : holders) {
                    if (holder.networkId().equals(networkId)) {
                        found = holder;
                        break;
                    }
                }
            }
        }
        if (found == null || found.names().isEmpty()) {
            return null;
        }
        String host = found.names().get(0);
        if (options.ptr() == DnsOptions.PtrStyle.NETWORK) {
            host = host + "." + found.networkName();
        }
        try {
            return Name.fromString(host, Name.root);
        } catch (TextParseException notAName) {
            return null;
        }
    }

    /** A reply to the query with its question, Docker's flags (RA set, RD and CD copied) and an rcode. */
    static Message reply(Message query, int rcode) {
        Message reply = new Message(query.getHeader().getID());
        Header header = reply.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        if (query.getHeader().getFlag(Flags.CD)) {
            header.setFlag(Flags.CD);
        }
        header.setFlag(Flags.RA);
        header.setRcode(rcode);
        Record question = query.getQuestion();
        if (question != null) {
            reply.addRecord(question, Section.QUESTION);
        }
        return reply;
    }

    private static String lowerCase(Name name) {
        String text = name.toString(true);
        return text.equals("@") || text.equals(".") ? "" : text.toLowerCase(Locale.ROOT);
    }
}
