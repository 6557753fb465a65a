package io.netdock.kernel.bridge;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.DesiredState;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.ReconcileReport;
import io.netdock.kernel.spi.Kernel;
import io.netdock.kernel.spi.Link;
import io.netdock.kernel.spi.NetNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Start-up reconcile: first removes netdock-owned objects the database does not know (links marked with
 * netdock's alias, sandbox namespaces, the whole nftables table is rebuilt), then ensures everything it does
 * know. Whatever a crash left half-done is either finished or removed.
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
        removeUnknownLinks(desired);
        removeUnknownSandboxes(desired);
        for (BridgeNetwork network : desired.networks()) {
            step("network " + network.bridgeName(), () -> {
                Validation.network(network);
                return driver.ensureNetwork(network, false);
            });
        }
        for (String sandboxId : desired.sandboxIds()) {
            step("sandbox " + Names.sandbox(sandboxId), () -> driver.ensureSandbox(sandboxId));
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
        Set<String> bridges = desired.networks().stream()
                .map(n -> Names.network(n.networkId()) + "\n" + n.bridgeName()).collect(Collectors.toSet());
        Set<String> endpoints = desired.attachments().stream()
                .map(a -> Names.endpoint(a.endpointId())).collect(Collectors.toSet());
        NetNamespace host = kernel.host();
        for (Link link : host.links()) {
            String alias = link.alias() == null ? "" : link.alias();
            boolean unknownBridge = alias.startsWith(Names.NETWORK_MARK) && !bridges.contains(alias + "\n" + link.name());
            boolean unknownVeth = alias.startsWith(Names.ENDPOINT_MARK) && !endpoints.contains(alias);
            if (unknownBridge || unknownVeth) {
                remove((unknownBridge ? "bridge " : "veth ") + link.name(),
                        () -> BridgeDriver.deleteIfPresent(host, link.name()));
            }
        }
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

    private void step(String what, java.util.function.Supplier<Boolean> ensure) {
        try {
            if (ensure.get()) {
                created.add(what);
            }
        } catch (KernelException failure) {
            failures.add(failure.getMessage());
        }
    }
}
