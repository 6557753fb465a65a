package io.netdock.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The environment legacy links give a process, as dockerd writes it ({@code daemon/links}): for alias
 * {@code db}, {@code DB_NAME=/parent/db}, {@code DB_PORT=tcp://ip:port} (the lowest exposed port),
 * {@code DB_PORT_<port>_<PROTO>} with {@code _ADDR}, {@code _PORT}, {@code _PROTO}, and the target's own
 * variables as {@code DB_ENV_<name>}.
 */
final class LinkEnvironment {

    /** Variables dockerd does not pass on through a link. */
    private static final Set<String> NOT_PASSED = Set.of("HOME", "PATH", "HOSTNAME");

    private LinkEnvironment() {
    }

    static List<String> of(String parentName, String alias, Container target, String ip) {
        String prefix = alias.toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> env = new ArrayList<>();
        List<String> ports = target.config().exposedPorts() == null ? List.of()
                : target.config().exposedPorts().stream().sorted((a, b) -> Integer.compare(number(a), number(b)))
                .toList();
        if (!ports.isEmpty() && !ip.isEmpty()) {
            String first = ports.get(0);
            env.add(prefix + "_PORT=" + protocol(first) + "://" + ip + ":" + number(first));
        }
        for (String port : ip.isEmpty() ? List.<String>of() : ports) {
            String key = prefix + "_PORT_" + number(port) + "_" + protocol(port).toUpperCase(Locale.ROOT);
            env.add(key + "=" + protocol(port) + "://" + ip + ":" + number(port));
            env.add(key + "_ADDR=" + ip);
            env.add(key + "_PORT=" + number(port));
            env.add(key + "_PROTO=" + protocol(port));
        }
        env.add(prefix + "_NAME=/" + parentName + "/" + alias);
        for (String variable : target.config().env() == null ? List.<String>of() : target.config().env()) {
            int equals = variable.indexOf('=');
            if (equals > 0 && !NOT_PASSED.contains(variable.substring(0, equals))) {
                env.add(prefix + "_ENV_" + variable);
            }
        }
        return env;
    }

    private static int number(String port) {
        int slash = port.indexOf('/');
        try {
            return Integer.parseInt(slash < 0 ? port : port.substring(0, slash));
        } catch (NumberFormatException range) {
            return 0;
        }
    }

    private static String protocol(String port) {
        int slash = port.indexOf('/');
        return slash < 0 ? "tcp" : port.substring(slash + 1);
    }
}
