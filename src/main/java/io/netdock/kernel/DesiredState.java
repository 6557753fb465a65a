package io.netdock.kernel;

import java.util.List;

/**
 * Everything the database says must exist in the kernel, handed to {@link Plumbing#reconcile} at start.
 *
 * @param networks    bridge networks (predefined {@code bridge} included; {@code host}/{@code none} have no bridge)
 * @param sandboxIds  sandboxes of running containers (one per sandbox; {@code container:<x>} shares its target's)
 * @param attachments endpoints of running containers on bridge networks
 * @param forwards    published ports of running containers
 * @param resolverSandboxIds sandboxes that have an embedded DNS resolver (an endpoint on a user-defined network):
 *                    reconcile removes the DNS rules of every other sandbox; the resolvers' owner re-opens these
 */
public record DesiredState(List<BridgeNetwork> networks, List<String> sandboxIds, List<Attachment> attachments,
                           List<PortForward> forwards, List<String> resolverSandboxIds) {

    public DesiredState {
        networks = List.copyOf(networks);
        sandboxIds = List.copyOf(sandboxIds);
        attachments = List.copyOf(attachments);
        forwards = List.copyOf(forwards);
        resolverSandboxIds = List.copyOf(resolverSandboxIds);
    }

    /** Without resolvers. */
    public DesiredState(List<BridgeNetwork> networks, List<String> sandboxIds, List<Attachment> attachments,
                        List<PortForward> forwards) {
        this(networks, sandboxIds, attachments, forwards, List.of());
    }

    public static DesiredState empty() {
        return new DesiredState(List.of(), List.of(), List.of(), List.of());
    }
}
