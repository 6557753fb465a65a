package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.ipam.Cidr;
import io.netdock.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Docker 25.0+'s up-front check of {@code IPAM.Config} ({@code network.ValidateIPAM}): every problem of every
 * entry is collected and reported at once, as {@code invalid network config:\n<err>} for one problem and
 * {@code invalid network config:\n* err1\n* err2} for several. IPv6 entries are skipped when IPv6 is disabled.
 */
final class IpamValidation {

    private IpamValidation() {
    }

    static void validate(List<NetworkSpec.IpamRequest> configs, boolean enableIpv6) {
        List<String> errors = new ArrayList<>();
        for (NetworkSpec.IpamRequest config : configs) {
            String subnetText = nullToEmpty(config.subnet());
            Cidr subnet = Cidr.parseOrNull(subnetText);
            if (subnet == null) {
                errors.add("invalid subnet " + subnetText + ": invalid CIDR block notation");
                continue;
            }
            if (subnet.isIpv6() && !enableIpv6) {
                continue;
            }
            if (subnet.hasHostBits()) {
                errors.add("invalid subnet " + subnet + ": it should be " + subnet.masked());
            }
            validateRange(nullToEmpty(config.ipRange()), subnet, errors);
            String gateway = nullToEmpty(config.gateway());
            String gatewayError = validateAddress(gateway, subnet);
            if (gatewayError != null) {
                errors.add("invalid gateway " + gateway + ": " + gatewayError);
            }
            for (Map.Entry<String, String> aux : new TreeMap<>(config.auxiliaryAddresses()).entrySet()) {
                String auxError = validateAddress(nullToEmpty(aux.getValue()), subnet);
                if (auxError != null) {
                    errors.add("invalid auxiliary address " + aux.getKey() + ": " + auxError);
                }
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        String joined = errors.size() == 1 ? errors.get(0).strip()
                : "* " + String.join("\n* ", errors.stream().map(e -> e.replace("\n", "\n\t")).toList());
        throw DockerError.invalidParameter("invalid network config:\n" + joined);
    }

    private static void validateRange(String text, Cidr subnet, List<String> errors) {
        if (text.isEmpty()) {
            return;
        }
        Cidr range = Cidr.parseOrNull(text);
        if (range == null) {
            errors.add("invalid ip-range " + text + ": invalid CIDR block notation");
            return;
        }
        if (range.isIpv6() != subnet.isIpv6()) {
            errors.add("invalid ip-range " + text + ": parent subnet is an " + family(subnet) + " block");
            return;
        }
        if (range.prefixLength() < subnet.prefixLength()) {
            errors.add("invalid ip-range " + text + ": CIDR block is bigger than its parent subnet " + subnet);
        }
        if (range.hasHostBits()) {
            errors.add("invalid ip-range " + range + ": it should be " + range.masked());
        }
        if (!subnet.overlaps(range)) {
            errors.add("invalid ip-range " + text + ": parent subnet " + subnet + " doesn't contain ip-range");
        }
    }

    private static String validateAddress(String text, Cidr subnet) {
        if (text.isEmpty()) {
            return null;
        }
        InetAddress address = IpAddresses.parseOrNull(text);
        if (address == null) {
            return "invalid address";
        }
        if (IpAddresses.isIpv6(address) != subnet.isIpv6()) {
            return "parent subnet is an " + family(subnet) + " block";
        }
        if (!subnet.contains(address)) {
            return "parent subnet " + subnet + " doesn't contain this address";
        }
        return null;
    }

    private static String family(Cidr subnet) {
        return subnet.isIpv6() ? "IPv6" : "IPv4";
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
