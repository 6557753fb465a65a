package io.netdock.dnsfiles;

/**
 * The host's resolver configuration a container's file is based on.
 *
 * @param path    where it was read ({@code /etc/resolv.conf}, or systemd-resolved's
 *                {@code /run/systemd/resolve/resolv.conf}); shown in current Docker's comments
 * @param content its content; {@code null} when the file does not exist
 */
public record HostResolvConf(String path, String content) {

    public static final String DEFAULT_PATH = "/etc/resolv.conf";

    public static HostResolvConf of(String content) {
        return new HostResolvConf(DEFAULT_PATH, content);
    }

    String text() {
        return content == null ? "" : content;
    }
}
