package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import io.netdock.net.IpAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bridge driver's options ({@code com.docker.network.bridge.*}, {@code com.docker.network.driver.mtu}) as
 * the kernel needs them, validated with the bridge driver's wording. Unknown keys are kept and ignored.
 */
record BridgeOptions(String bridgeName, int mtu, boolean interContainer, boolean masquerade, String hostBindingIpv4) {

    static final String NAME = "com.docker.network.bridge.name";
    static final String MTU = "com.docker.network.driver.mtu";
    static final String ENABLE_ICC = "com.docker.network.bridge.enable_icc";
    static final String ENABLE_MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
    static final String HOST_BINDING_IPV4 = "com.docker.network.bridge.host_binding_ipv4";
    static final String INHIBIT_IPV4 = "com.docker.network.bridge.inhibit_ipv4";
    static final String DEFAULT_BRIDGE = "com.docker.network.bridge.default_bridge";

    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    static final int MAX_INTERFACE_NAME_BYTES = 15;
    static final int DEFAULT_MTU = 1500;
    /** ETH_MIN_MTU and the largest MTU of a Linux bridge (and of netdock's veths). */
    static final int MIN_MTU = 68;
    static final int MAX_MTU = 65535;

    /** The options of a stored network (validated when it was created). */
    static BridgeOptions of(Network network) {
        Map<String, String> options = network.options();
        String name = options.getOrDefault(NAME, "");
        if (name.isEmpty()) {
            name = network.isDefaultBridge() ? "docker0" : "br-" + network.id().substring(0, 12);
        }
        String mtu = options.getOrDefault(MTU, "");
        int parsedMtu = mtu.isEmpty() ? 0 : (int) Strconv.atoi(mtu);
        return new BridgeOptions(name, parsedMtu == 0 ? DEFAULT_MTU : parsedMtu,
                goBool(options.getOrDefault(ENABLE_ICC, "true")),
                goBool(options.getOrDefault(ENABLE_MASQUERADE, "true")),
                options.getOrDefault(HOST_BINDING_IPV4, "0.0.0.0"));
    }

    /** Checks the options of a new bridge network the way Docker's bridge driver parses them. */
    static void validate(Map<String, String> options) {
        for (String key : new String[] {ENABLE_ICC, ENABLE_MASQUERADE, INHIBIT_IPV4, DEFAULT_BRIDGE}) {
            String value = options.get(key);
            if (value != null) {
                try {
                    Strconv.parseBool(value);
                } catch (Unparsable notABool) {
                    throw parseError(key, value, notABool);
                }
            }
        }
        String mtu = options.get(MTU);
        if (mtu != null) {
            long parsed;
            try {
                parsed = Strconv.atoi(mtu);
            } catch (Unparsable notANumber) {
                throw parseError(MTU, mtu, notANumber);
            }
            if (parsed != 0 && (parsed < MIN_MTU || parsed > MAX_MTU)) {
                // Docker answers 500 for a negative one, stores a too large one and fails when the first container
                // starts; netdock refuses both up front (0 means the default, as on Docker)
                throw DockerError.invalidParameter("invalid MTU number: " + mtu + " (a bridge's MTU is " + MIN_MTU
                        + " to " + MAX_MTU + ")");
            }
        }
        String binding = options.get(HOST_BINDING_IPV4);
        if (binding != null && IpAddresses.parseOrNull(binding) == null) {
            throw DockerError.invalidParameter(parseErrorText(HOST_BINDING_IPV4, binding, "nil ip"));
        }
        String name = options.get(NAME);
        if (name != null && !name.isEmpty()) {
            validateInterfaceName(name);
        }
    }

    /**
     * Linux's rules for an interface name (at most 15 bytes, not "." or "..", no '/', ':' or whitespace; Docker
     * passes the kernel's refusal on as a 500, netdock says which rule and answers 400), plus what netdock's
     * firewall rules cannot carry.
     */
    static void validateInterfaceName(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_INTERFACE_NAME_BYTES) {
            throw DockerError.invalidParameter("invalid bridge name " + Strconv.quote(name) + ": an interface name "
                    + "is at most " + MAX_INTERFACE_NAME_BYTES + " bytes (numerical result out of range)");
        }
        boolean forbiddenCharacter = name.chars().anyMatch(c -> c == '/' || c == ':' || c == 0
                || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f');
        if (forbiddenCharacter || name.equals(".") || name.equals("..")) {
            throw DockerError.invalidParameter("invalid bridge name " + Strconv.quote(name) + ": an interface name "
                    + "has no whitespace, '/' or ':' and is not \".\" or \"..\" (invalid argument)");
        }
        boolean breaksFirewallRules = name.chars().anyMatch(c -> c == '"' || c == '\\' || c == '*' || c < 0x20
                || c == 0x7f);
        if (breaksFirewallRules) {
            // Linux accepts these, but in an nftables rule '"' ends the name, '\' escapes and a trailing '*'
            // matches every interface with that prefix
            throw DockerError.invalidParameter("invalid bridge name " + Strconv.quote(name)
                    + ": netdock does not accept '\"', '\\', '*' or control characters in interface names");
        }
    }

    private static DockerError parseError(String key, String value, Unparsable reason) {
        return DockerError.invalidParameter(parseErrorText(key, value, reason.getMessage()));
    }

    private static String parseErrorText(String key, String value, String reason) {
        return "failed to parse " + key + " value: " + value + " (" + reason + ")";
    }

    /** A stored boolean option (validated at create; anything else keeps the default, true). */
    private static boolean goBool(String value) {
        try {
            return Strconv.parseBool(value);
        } catch (Unparsable notABool) {
            return true;
        }
    }

}
