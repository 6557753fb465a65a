package io.netdock.portmap;

import io.netdock.kernel.KernelException;
import io.netdock.kernel.Plumbing;
import io.netdock.kernel.PortForward;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Host port allocation and publishing. Ephemeral ports count upward from the last one handed out (per protocol,
 * wrapping at the end of the range), like dockerd; every candidate is claimed by inserting it, and a unique
 * violation (another container or another netdock process holds it) moves on to the next candidate. Callers run
 * this inside their transaction, under their container's lock.
 */
@Service
public class PortMapper {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortMapper.class);

    private final PortBindings bindings;
    private final Plumbing plumbing;
    private final TransactionTemplate savepoint;
    private final PortProperties properties;
    private volatile EphemeralRange range;
    private final Map<String, Integer> lastEphemeral = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong(System.nanoTime());

    PortMapper(PortBindings bindings, Plumbing plumbing, PlatformTransactionManager transactions,
               PortProperties properties) {
        this.bindings = bindings;
        this.plumbing = plumbing;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.properties = properties;
        if (properties.range() != null && !properties.range().isBlank()) {
            range();
        }
    }

    /** The ephemeral range, read from the host namespace when first needed (the kernel is up by then). */
    private EphemeralRange range() {
        EphemeralRange known = range;
        if (known == null) {
            known = EphemeralRange.of(properties.range(), () -> plumbing.hostSysctl(EphemeralRange.SYSCTL));
            range = known;
            log.info("ephemeral host ports {}-{} ({})", known.first(), known.last(), properties.range() == null
                    || properties.range().isBlank() ? "the host's net.ipv4.ip_local_port_range; netdock.ports.range sets it"
                    : "netdock.ports.range=" + properties.range());
        }
        return known;
    }

    /**
     * Allocates and publishes every request for one endpoint.
     *
     * @param endpointLabel {@code NAME (ENDPOINT-ID)} for Docker's error text
     */
    public List<PortBinding> publish(String containerId, String endpointLabel, String endpointId, String bridgeName,
                                     String containerIpV4, String containerIpV6, List<PortRequest> requests) {
        List<PortBinding> made = new ArrayList<>();
        try {
            for (PortRequest request : requests) {
                made.addAll(allocate(containerId, endpointLabel, endpointId, bridgeName, containerIpV4,
                        containerIpV6, request));
            }
            try {
                plumbing.publish(forwards(made));
            } catch (KernelException kernel) {
                throw new PortForwardingFailed(endpointLabel, kernel.getMessage());
            }
            return made;
        } catch (RuntimeException failed) {
            bindings.deleteContainer(containerId);
            throw failed;
        }
    }

    /** Removes a container's forwards from the kernel and frees its ports. */
    public void unpublish(String containerId) {
        List<PortBinding> mine = bindings.ofContainer(containerId);
        if (!mine.isEmpty()) {
            plumbing.unpublish(forwards(mine));
        }
        bindings.deleteContainer(containerId);
    }

    /** The kernel rules of a container's published ports (for reconciling at start). */
    public List<PortForward> forwardsOf(String containerId) {
        return forwards(bindings.ofContainer(containerId));
    }

    public List<PortBinding> ofContainer(String containerId) {
        return bindings.ofContainer(containerId);
    }

    /** Re-reads a container's bindings after a rolled-back transaction. */
    public void reload(String containerId) {
        bindings.reload(containerId);
    }

    public void reloadAll() {
        bindings.reloadAll();
    }

    private List<PortBinding> allocate(String containerId, String endpointLabel, String endpointId,
                                       String bridgeName, String ipV4, String ipV6, PortRequest request) {
        String protocol = request.protocol();
        if (!request.isEphemeral()) {
            for (int port = request.firstHostPort(); port <= request.lastHostPort(); port++) {
                List<PortBinding> claimed = claim(containerId, endpointId, bridgeName, ipV4, ipV6, request, port);
                if (claimed != null) {
                    return claimed;
                }
            }
            String ports = request.firstHostPort() == request.lastHostPort() ? Integer.toString(request.firstHostPort())
                    : request.firstHostPort() + "-" + request.lastHostPort();
            throw new PortAlreadyAllocated(endpointLabel, "Bind for " + hostText(request.hostIps().get(0)) + ":"
                    + ports + " failed: port is already allocated");
        }
        for (int round = 0; round < 2; round++) {
            EphemeralRange range = range();
            int start = lastEphemeral.getOrDefault(protocol, range.first() - 1) + 1;
            if (start > range.last()) {
                start = range.first();
            }
            // Upward from after the last port handed out to the end of the range, then from its start: the bitmap
            // of taken ports gives each candidate, the database insert claims it (or another process holds it).
            for (int[] span : new int[][] {{start, range.last()}, {range.first(), start - 1}}) {
                for (int port = bindings.nextFree(request.hostIps(), protocol, span[0], span[1]); port >= 0;
                     port = port < span[1] ? bindings.nextFree(request.hostIps(), protocol, port + 1, span[1]) : -1) {
                    List<PortBinding> claimed = claim(containerId, endpointId, bridgeName, ipV4, ipV6, request, port);
                    if (claimed != null) {
                        lastEphemeral.put(protocol, port);
                        return claimed;
                    }
                }
            }
            // the index may still hold ports another netdock sharing the database has given back since
            bindings.reloadAll();
        }
        throw new PortAlreadyAllocated(endpointLabel, "Bind for " + hostText(request.hostIps().get(0))
                + ":0 failed: all ports are allocated");
    }

    /**
     * Claims one port on every host address of the request, or none of them (null). The port is first marked claimed
     * by this process (two of its parallel operations never insert the same row and wait for each other), then its
     * row is inserted: the database decides between processes, so a port this process last saw taken by another
     * netdock that has given it back since can be had.
     */
    private List<PortBinding> claim(String containerId, String endpointId, String bridgeName, String ipV4,
                                    String ipV6, PortRequest request, int port) {
        List<PortBinding> claimed = new ArrayList<>();
        for (String hostIp : request.hostIps()) {
            if (!bindings.reserve(hostIp, request.protocol(), port)) {
                claimed.forEach(b -> bindings.unreserve(b.hostIp(), b.protocol(), b.hostPort(), false));
                return null;
            }
            claimed.add(new PortBinding(hostIp, request.protocol(), port, containerId, request.portKey(),
                    request.containerPort(), endpointId, bridgeName, containerIpFor(hostIp, ipV4, ipV6),
                    order.incrementAndGet()));
        }
        try {
            savepoint.executeWithoutResult(status -> claimed.forEach(bindings::insert));
            claimed.forEach(bindings::remember);
            return claimed;
        } catch (DuplicateKeyException heldElsewhere) {
            // another netdock sharing the database holds it: it stays marked taken here
            claimed.forEach(b -> bindings.unreserve(b.hostIp(), b.protocol(), b.hostPort(), true));
            return null;
        } catch (RuntimeException failed) {
            claimed.forEach(b -> bindings.unreserve(b.hostIp(), b.protocol(), b.hostPort(), false));
            throw failed;
        }
    }

    private static String containerIpFor(String hostIp, String ipV4, String ipV6) {
        boolean v6 = hostIp.indexOf(':') >= 0;
        if (v6 && ipV6 != null && !ipV6.isEmpty()) {
            return ipV6;
        }
        return ipV4 == null || ipV4.isEmpty() ? ipV6 : ipV4;
    }

    private static String hostText(String hostIp) {
        return hostIp.indexOf(':') >= 0 ? "[" + hostIp + "]" : hostIp;
    }

    private static List<PortForward> forwards(List<PortBinding> list) {
        List<PortForward> forwards = new ArrayList<>();
        for (PortBinding b : list) {
            InetAddress host = IpAddresses.parseOrNull(b.hostIp());
            InetAddress container = IpAddresses.parseOrNull(b.containerIp());
            if (host != null && container != null) {
                forwards.add(new PortForward(b.endpointId(), b.bridgeName(), b.protocol(), host, b.hostPort(),
                        container, b.containerPort()));
            }
        }
        return forwards;
    }
}
