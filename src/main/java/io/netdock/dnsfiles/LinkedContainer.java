package io.netdock.dnsfiles;

/**
 * A legacy link on the default bridge ({@code --link name:alias}): the target's hosts line(s)
 * {@code <ip>\t<alias> <target hostname> <target name>} (the name is left out when it equals the alias).
 *
 * @param alias          the link alias
 * @param targetHostname the target's {@code Config.Hostname}
 * @param targetName     the target's name without the leading slash
 * @param ipv4           the target's address on the default bridge, {@code ""} when none
 * @param ipv6           the target's global IPv6 address on the default bridge, {@code ""} when none
 */
public record LinkedContainer(String alias, String targetHostname, String targetName, String ipv4, String ipv6) {

    String names() {
        String names = alias + " " + targetHostname;
        return alias.equals(targetName) ? names : names + " " + targetName;
    }
}
