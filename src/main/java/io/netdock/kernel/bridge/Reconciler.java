package io.netdock.kernel.bridge;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.ReconcileReport;
import io.netdock.kernel.spi.Address;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.LinkGroups;
import io.netdock.kernel.spi.NetNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Start-up reconcile: first removes netdock-owned objects the database does not know (links in netdock's groups
 * or with netdock's alias, sandbox namespaces; the whole nftables table is rebuilt), then ensures everything it
 * does know. Whatever a crash left half-done is either finished or removed: a link is netdock's from the request
 * that creates it (its group), so no crash can leave one reconcile does not recognise.
 */
final class Reconciler {

    private final BridgeDriver driver;
    private final Kernel kernel;
    private final List<String> created = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    Reconciler(BridgeDriver driver, Kernel kernel) {
        this.driver = driver;
        this.kernel = kernel;
    }

    ReconcileReport reconcile(DesiredState desired) {
        kernel.settle();
        removeUnknownLinks(desired);
        removeUnknownSandboxes(desired);
        removeStaleGateways(desired);
        for (BridgeNetwork network : desired.networks()) {
            step("network " + network.bridgeName(), () -> {
                Validation.network(network);
                return driver.ensureNetwork(network, false);
            });
        }
        for (String sandboxId : desired.sandboxIds()) {
            step("sandbox " + Names.sandbox(sandboxId), () -> driver.ensureSandbox(sandboxId));
        }
        Set<String> resolvers = Set.copyOf(desired.resolverSandboxIds());
        for (String sandboxId : desired.sandboxIds()) {
            if (!resolvers.contains(sandboxId)) {
                removeIfAny("dns rules of sandbox " + Names.sandbox(sandboxId),
                        () -> driver.removeResolverRules(sandboxId));
            }
        }
        for (Attachment attachment : desired.attachments()) {
            step("endpoint " + Names.veth(attachment.endpointId()) + " → " + attachment.network().bridgeName(), () -> {
                Validation.attachment(attachment);
                return driver.ensureAttachment(attachment);
            });
        }
        step("firewall table " + io.netdock.kernel.spi.Firewall.TABLE, () -> {
            driver.replaceFirewall(desired.networks(), desired.forwards());
            return false;
        });
        return new ReconcileReport(created, removed, failures);
    }

    private void removeUnknownLinks(DesiredState desired) {
        Map<String, String> bridges = desired.networks().stream()
                .collect(Collectors.toMap(BridgeNetwork::bridgeName, n -> Names.network(n.networkId()), (a, b) -> a));
        Map<String, String> veths = desired.attachments().stream()
                .collect(Collectors.toMap(a -> Names.veth(a.endpointId()), a -> Names.endpoint(a.endpointId()),
                        (a, b) -> a));
        NetNamespace host = kernel.host();
        for (Link link : host.links()) {
            if (!isNetdocks(link)) {
                continue;
            }
            String wanted = link.kind().equals("bridge") ? bridges.get(link.name())
                    : link.kind().equals("veth") ? veths.get(link.name()) : null;
            boolean known = wanted != null && link.group() != LinkGroups.RETIRED && Names.isMarked(link, wanted);
            if (!known) {
                remove(link.kind() + " " + link.name(), () -> BridgeDriver.deleteIfPresent(host, link.name()));
            }
        }
    }

    /**
     * Addresses on a known bridge that are not its network's gateways, e.g. the old gateway of a default bridge whose
     * subnet was changed while netdock was stopped ({@code netdock.bridge.subnet}). IPv6 link-local addresses stay.
     */
    private void removeStaleGateways(DesiredState desired) {
        Map<String, List<IpPrefix>> gateways = desired.networks().stream()
                .collect(Collectors.toMap(BridgeNetwork::bridgeName, BridgeNetwork::gateways, (a, b) -> a));
        NetNamespace host = kernel.host();
        for (Address address : host.addresses()) {
            List<IpPrefix> wanted = gateways.get(address.link());
            if (wanted != null && !wanted.contains(address.prefix())
                    && !address.prefix().address().isLinkLocalAddress()) {
                remove("address " + address, () -> host.deleteAddress(address.link(), address.prefix()));
            }
        }
    }

    /** In one of netdock's groups, or (made by a netdock before link groups) with one of netdock's aliases. */
    private static boolean isNetdocks(Link link) {
        return LinkGroups.isNetdocks(link.group()) || link.alias() != null
                && (link.alias().startsWith(Names.NETWORK_MARK) || link.alias().startsWith(Names.ENDPOINT_MARK));
    }

    private void removeUnknownSandboxes(DesiredState desired) {
        Set<String> wanted = desired.sandboxIds().stream().map(Names::sandbox).collect(Collectors.toSet());
        for (String name : kernel.namespaces()) {
            if (!wanted.contains(name)) {
                remove("sandbox " + name, () -> driver.removeNamespace(name));
            }
        }
    }

    private void remove(String what, Runnable removal) {
        try {
            removal.run();
            removed.add(what);
        } catch (KernelException failure) {
            failures.add(failure.getMessage());
        }
    }

    private void removeIfAny(String what, java.util.function.Supplier<Boolean> removal) {
        note(what, removal, removed);
    }

    private void step(String what, java.util.function.Supplier<Boolean> ensure) {
        note(what, ensure, created);
    }

    /** Runs one step; what it did goes into {@code done} if it says it did something, a failure into the report. */
    private void note(String what, java.util.function.Supplier<Boolean> change, List<String> done) {
        try {
            if (change.get()) {
                done.add(what);
            }
        } catch (KernelException failure) {
            failures.add(failure.getMessage());
        }
    }
}
