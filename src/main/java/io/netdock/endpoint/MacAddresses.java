package io.netdock.endpoint;

import io.netdock.kernel.IpPrefix;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Endpoint MAC addresses: IPv4-derived ({@code 02:42:ac:11:00:02}) or random, and validation of given ones. */
final class MacAddresses {

    private static final Pattern MAC = Pattern.compile("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MacAddresses() {
    }

    static String generate(EndpointProperties.MacAddressMode mode, IpPrefix ipv4) {
        byte[] mac = new byte[6];
        if (mode == EndpointProperties.MacAddressMode.DERIVED && ipv4 != null) {
            mac[0] = 0x02;
            mac[1] = 0x42;
            System.arraycopy(ipv4.address().getAddress(), 0, mac, 2, 4);
        } else {
            RANDOM.nextBytes(mac);
            mac[0] = (byte) ((mac[0] & 0xfe) | 0x02);
        }
        return format(mac);
    }

    static boolean isValid(String mac) {
        return MAC.matcher(mac).matches();
    }

    private static String format(byte[] mac) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < mac.length; i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", mac[i] & 0xff));
        }
        return text.toString();
    }
}
