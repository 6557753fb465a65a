package io.netdock.kernel.spi;

import io.netdock.kernel.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * The rtnetlink verbs inside one network namespace. Links are named, as in {@code ip}; implementations resolve
 * names to ifindexes. Errors carry the errno the kernel gives ({@code EEXIST}, {@code ENODEV}, …).
 */
public interface NetNamespace {

    String name();

    /** Creates a bridge or a veth pair (the veth's peer directly in its target namespace), administratively down. */
    void createLink(NewLink link);

    /** Deletes a link; deleting one end of a veth pair deletes both. */
    void deleteLink(String name);

    /** Changes what {@code change} sets and nothing else. */
    void setLink(String name, LinkChange change);

    default void setUp(String name) {
        setLink(name, LinkChange.UP);
    }

    void addAddress(String link, IpPrefix address);

    void deleteAddress(String link, IpPrefix address);

    void addRoute(Route route);

    void deleteRoute(Route route);

    Optional<Link> link(String name);

    List<Link> links();

    List<Address> addresses();

    /** Routes of the main table (the one {@code ip route} shows). */
    List<Route> routes();

    /** Writes {@code /proc/sys/<path>} as seen from this namespace, e.g. {@code net/ipv4/ip_forward}. */
    void setSysctl(String path, String value);

    String sysctl(String path);
}
