package io.netdock.kernel.bridge;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.spi.LinkNames;
import io.netdock.net.IpAddresses;
import java.util.Set;
import java.util.regex.Pattern;

/** The validate step: requests the kernel would reject, refused before anything is touched. */
final class Validation {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    private Validation() {
    }

    static void network(BridgeNetwork network) {
        String operation = "set up network " + network.bridgeName();
        interfaceName(operation, network.bridgeName());
        mtu(operation, network.mtu());
        if (network.hostBindingIpv4() != null && !network.hostBindingIpv4().isEmpty()) {
            try {
                if (IpAddresses.parse(network.hostBindingIpv4()).getAddress().length != 4) {
                    throw invalid(operation, "host binding " + network.hostBindingIpv4() + " is not IPv4");
                }
            } catch (IllegalArgumentException e) {
                throw invalid(operation, e.getMessage());
            }
        }
    }

    static void attachment(Attachment attachment) {
        String operation = "attach " + attachment.interfaceName() + " to " + attachment.network().bridgeName();
        network(attachment.network());
        interfaceName(operation, attachment.interfaceName());
        if (attachment.endpointId() == null || attachment.endpointId().length() < 7) {
            throw invalid(operation, "endpoint ID " + attachment.endpointId() + " is too short");
        }
        if (attachment.macAddress() != null && !MAC.matcher(attachment.macAddress()).matches()) {
            throw invalid(operation, "MAC address " + attachment.macAddress() + " is not aa:bb:cc:dd:ee:ff");
        }
        if (attachment.gatewayV4() != null && attachment.gatewayV4().getAddress().length != 4) {
            throw invalid(operation, "IPv4 gateway " + IpAddresses.format(attachment.gatewayV4()) + " is not IPv4");
        }
        if (attachment.gatewayV6() != null && attachment.gatewayV6().getAddress().length != 16) {
            throw invalid(operation, "IPv6 gateway " + IpAddresses.format(attachment.gatewayV6()) + " is not IPv6");
        }
    }

    static void forward(PortForward forward) {
        String operation = "publish " + forward.protocol() + " " + IpAddresses.format(forward.hostIp()) + ":"
                + forward.hostPort();
        if (!PROTOCOLS.contains(forward.protocol())) {
            throw invalid(operation, "protocol must be tcp, udp or sctp");
        }
        if (forward.hostPort() < 1 || forward.hostPort() > 65535 || forward.containerPort() < 1
                || forward.containerPort() > 65535) {
            throw invalid(operation, "ports must be 1-65535");
        }
        if (forward.containerIp().isAnyLocalAddress()) {
            throw invalid(operation, "container address " + IpAddresses.format(forward.containerIp()) + " is unspecified");
        }
        boolean hostV6 = forward.hostIp().getAddress().length == 16;
        boolean containerV6 = forward.containerIp().getAddress().length == 16;
        if (!forward.hostIp().isAnyLocalAddress() && hostV6 != containerV6) {
            throw KernelException.of(operation + " → " + IpAddresses.format(forward.containerIp()), Errno.EAFNOSUPPORT);
        }
    }

    /** The kernel's rules, plus characters that would change the meaning of the nftables rules naming it. */
    private static void interfaceName(String operation, String name) {
        if (!LinkNames.isValid(name)) {
            throw invalid(operation, "interface name '" + name + "' must be 1-15 bytes without '/', ':' or spaces");
        }
        if (name.chars().anyMatch(c -> c == '"' || c == '\\' || c == '*' || c < 0x20 || c == 0x7f)) {
            throw invalid(operation, "interface name '" + name + "' has '\"', '\\', '*' or a control character");
        }
    }

    private static void mtu(String operation, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw invalid(operation, "MTU " + mtu + " must be 68-65535");
        }
    }

    private static KernelException invalid(String operation, String reason) {
        return new KernelException(operation + ": " + reason, Errno.EINVAL);
    }
}
