package io.netdock.dnsfiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * resolv.conf as dockerd 20.10 writes it: the host's text edited with regular expressions (so comments and
 * unknown lines survive), or rebuilt as {@code search / nameserver / options} lines when the container has DNS
 * settings, then rebuilt around {@code 127.0.0.11} when the embedded resolver starts.
 */
final class ClassicResolvConf {

    private static final String IPV4_BLOCK = "(25[0-5]|(2[0-4]|1[0-9]|[1-9]|)[0-9])";
    private static final String IPV4 = "(" + IPV4_BLOCK + "\\.){3}" + IPV4_BLOCK;
    // Deliberately loose, as dockerd's: a superset of IPv6 text.
    private static final String IPV6 = "([0-9A-Fa-f]{0,4}:){2,7}([0-9A-Fa-f]{0,4})(%\\w+)?";
    private static final String LOCALHOST = "((127\\.([0-9]{1,3}\\.){2}[0-9]{1,3})|(::1)$)";
    private static final int LINES = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final Pattern LOCALHOST_NAMESERVER = Pattern.compile("^nameserver\\s+" + LOCALHOST + "\\s*\\n*", LINES);
    private static final Pattern IPV6_NAMESERVER = Pattern.compile("^nameserver\\s+" + IPV6 + "\\s*\\n*", LINES);
    private static final Pattern ANY_NAMESERVER =
            Pattern.compile("^\\s*nameserver\\s*((" + IPV4 + ")|(" + IPV6 + "))\\s*$", Pattern.UNIX_LINES);
    private static final Pattern V4_NAMESERVER = Pattern.compile("^\\s*nameserver\\s*((" + IPV4 + "))\\s*$", Pattern.UNIX_LINES);
    private static final Pattern V6_NAMESERVER = Pattern.compile("^\\s*nameserver\\s*((" + IPV6 + "))\\s*$", Pattern.UNIX_LINES);
    private static final Pattern SEARCH = Pattern.compile("^\\s*search\\s*(([^\\s]+\\s*)*)$", Pattern.UNIX_LINES);
    private static final Pattern OPTIONS = Pattern.compile("^\\s*options\\s*(([^\\s]+\\s*)*)$", Pattern.UNIX_LINES);
    private static final List<String> DEFAULT_V4 = List.of("nameserver 8.8.8.8", "nameserver 8.8.4.4");
    private static final List<String> DEFAULT_V6 =
            List.of("nameserver 2001:4860:4860::8888", "nameserver 2001:4860:4860::8844");

    private ClassicResolvConf() {
    }

    static String render(ResolvConfSpec spec) {
        String host = spec.host().text();
        DnsSettings dns = spec.dns();
        if (spec.kind() == NetworkKind.HOST && dns.isEmpty()) {
            return host;
        }
        String file;
        if (!dns.isEmpty()) {
            file = build(dns.nameservers().isEmpty() ? nameservers(host, ANY_NAMESERVER) : dns.nameservers(),
                    dns.search().isEmpty() ? search(host) : dns.search(),
                    dns.options().isEmpty() ? options(host) : dns.options());
        } else {
            file = filter(host, true);
            if (spec.kind() != NetworkKind.HOST) {
                // The endpoint join filters once more, now knowing whether the network has IPv6.
                file = filter(file, spec.networkIpv6());
            }
        }
        return spec.kind() == NetworkKind.USER_DEFINED ? withEmbeddedResolver(file) : file;
    }

    /** Drops loopback (and, without IPv6, IPv6) nameservers; appends Google's when none is left. */
    private static String filter(String content, boolean ipv6) {
        String cleaned = LOCALHOST_NAMESERVER.matcher(content).replaceAll("");
        if (!ipv6) {
            cleaned = IPV6_NAMESERVER.matcher(cleaned).replaceAll("");
        }
        if (nameservers(cleaned, ANY_NAMESERVER).isEmpty()) {
            List<String> defaults = new ArrayList<>(DEFAULT_V4);
            if (ipv6) {
                defaults.addAll(DEFAULT_V6);
            }
            cleaned = cleaned + "\n" + String.join("\n", defaults);
        }
        return cleaned;
    }

    /**
     * The embedded resolver replaces the IPv4 nameservers and adds {@code ndots:0} unless an ndots option is
     * set. An unusable ndots value makes dockerd give up and leave the file as it was.
     */
    private static String withEmbeddedResolver(String file) {
        List<String> options = new ArrayList<>(options(file));
        boolean ndotsSet = false;
        for (String option : options) {
            if (option.contains("ndots")) {
                String[] parts = option.split(":", -1);
                if (parts.length != 2) {
                    return file;
                }
                try {
                    if (Integer.parseInt(parts[1]) < 0) {
                        return file;
                    }
                } catch (NumberFormatException notANumber) {
                    return file;
                }
                ndotsSet = true;
                break;
            }
        }
        if (!ndotsSet) {
            options.add("ndots:0");
        }
        List<String> servers = new ArrayList<>();
        servers.add(ResolvConfFile.EMBEDDED_RESOLVER);
        servers.addAll(nameservers(file, V6_NAMESERVER));
        return build(servers, search(file), options);
    }

    private static String build(List<String> nameservers, List<String> search, List<String> options) {
        StringBuilder out = new StringBuilder();
        String searchLine = String.join(" ", search);
        if (!search.isEmpty() && !trimSpaces(searchLine).equals(".")) {
            out.append("search ").append(searchLine).append('\n');
        }
        nameservers.forEach(server -> out.append("nameserver ").append(server).append('\n'));
        String optionsLine = String.join(" ", options);
        if (!options.isEmpty() && !trimSpaces(optionsLine).isEmpty()) {
            out.append("options ").append(optionsLine).append('\n');
        }
        return out.toString();
    }

    private static String trimSpaces(String text) {
        return text.replaceAll("^ +| +$", "");
    }

    private static List<String> nameservers(String content, Pattern kind) {
        List<String> servers = new ArrayList<>();
        for (String line : lines(content)) {
            Matcher match = kind.matcher(line);
            if (match.find()) {
                servers.add(match.group(1));
            }
        }
        return servers;
    }

    /** The last {@code search} line wins. */
    private static List<String> search(String content) {
        return lastFields(content, SEARCH);
    }

    /** The last {@code options} line wins. */
    private static List<String> options(String content) {
        return lastFields(content, OPTIONS);
    }

    private static List<String> lastFields(String content, Pattern directive) {
        List<String> fields = List.of();
        for (String line : lines(content)) {
            Matcher match = directive.matcher(line);
            if (match.find()) {
                String value = match.group(1).trim();
                fields = value.isEmpty() ? List.of() : Arrays.asList(value.split("[\\t\\n\\f\\r ]+"));
            }
        }
        return fields;
    }

    /** Lines with everything from {@code #} on removed. */
    private static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            int comment = line.indexOf('#');
            lines.add(comment < 0 ? line : line.substring(0, comment));
        }
        return lines;
    }
}
