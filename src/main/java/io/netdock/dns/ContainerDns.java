package io.netdock.dns;

import io.netdock.container.Container;
import io.netdock.container.ContainerService;
import io.netdock.container.ContainerViews;
import io.netdock.error.DockerError;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks a container's embedded resolver a question, as a process inside it would (over UDP, recursion desired):
 * the way to see and test resolution in simulated mode, and to debug it in linux mode.
 */
@Component
public class ContainerDns {

    private final ContainerService containers;
    private final ContainerViews views;
    private final NameIndex index;
    private final DnsService service;

    ContainerDns(ContainerService containers, ContainerViews views, NameIndex index, DnsService service) {
        this.containers = containers;
        this.views = views;
        this.index = index;
        this.service = service;
    }

    /**
     * @param name a DNS name ({@code web}, {@code web.mynet}); for PTR also an IP address
     * @param type a record type mnemonic ({@code A}, {@code AAAA}, {@code PTR}, {@code MX}, …), any case
     */
    public DnsReply ask(String reference, String name, String type) {
        Container container = containers.get(reference);
        Container owner = views.namespaceOwner(container).orElse(container);
        if (!owner.isRunning()) {
            throw new ResolverNotRunning(reference, "it is not running");
        }
        if (index.container(owner.id()).isEmpty()) {
            throw new ResolverNotRunning(reference, "it is not on a user-defined network");
        }
        Message query = Message.newQuery(Record.newRecord(questionName(name, recordType(type)), recordType(type),
                DClass.IN));
        query.getHeader().setFlag(Flags.RD);
        return service.ask(Querier.container(owner.id()), query, Transport.UDP).toCompletableFuture().join();
    }

    private static int recordType(String type) {
        int value = Type.value(type == null || type.isEmpty() ? "A" : type.toUpperCase(Locale.ROOT));
        if (value < 0) {
            throw DockerError.invalidParameter("invalid DNS record type: " + type);
        }
        return value;
    }

    private static Name questionName(String name, int type) {
        if (name == null || name.isBlank()) {
            throw DockerError.invalidParameter("a DNS name is required (name=...)");
        }
        if (type == Type.PTR) {
            InetAddress address = IpAddresses.parseOrNull(name);
            if (address != null) {
                return ReverseMap.fromAddress(address);
            }
        }
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException notAName) {
            throw DockerError.invalidParameter("invalid DNS name " + name + ": " + notAName.getMessage());
        }
    }
}
