package io.netdock.dnsfiles;

/** Renders {@code /etc/hostname}: {@code Config.Hostname} and a newline (the domain name is not part of it). */
public final class HostnameFile {

    private HostnameFile() {
    }

    public static String render(String hostname) {
        return hostname + "\n";
    }
}
