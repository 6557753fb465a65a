package io.netdock.kernel.linux;

import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nft scripts netdock hands to libnftables, each run as one transaction, and the parsing of
 * {@code nft -a list table} to find rule handles by comment. Pure text: tested against golden files.
 */
final class NftScript {

    static final String LIST = "list table " + Firewall.TABLE + "\n";

    private static final Pattern CHAIN = Pattern.compile("^\\tchain (\\S+) \\{.*$");
    private static final Pattern RULE = Pattern.compile("^\\t\\t.* comment \"([^\"]*)\" # handle (\\d+)$");

    private NftScript() {
    }

    /** A rule of the table with its handle, as {@code nft -a list} shows it. */
    record RuleHandle(String chain, String comment, long handle) {
    }

    /** Creates the table, its chains and its base rules. */
    static String create(FirewallLayout layout) {
        StringBuilder script = new StringBuilder("add table ").append(Firewall.TABLE).append('\n');
        for (FirewallChain chain : layout.chains()) {
            script.append("add chain ").append(Firewall.TABLE).append(' ').append(chain.name());
            if (chain.isBase()) {
                script.append(" { ").append(chain.declaration()).append(" }");
            }
            script.append('\n');
        }
        layout.baseRules().forEach(rule -> appendAdd(script, rule));
        return script.toString();
    }

    /** Drops the table whatever it holds (the {@code add} makes the delete safe when it is missing), recreates it. */
    static String replace(FirewallLayout layout, List<FirewallRule> rules) {
        StringBuilder script = new StringBuilder("add table ").append(Firewall.TABLE).append('\n')
                .append("delete table ").append(Firewall.TABLE).append('\n')
                .append(create(layout));
        rules.forEach(rule -> appendAdd(script, rule));
        return script.toString();
    }

    /** Deletes the rules listed in {@code existing} whose comment the change removes, then adds its rules. */
    static String change(FirewallChange change, List<RuleHandle> existing) {
        StringBuilder script = new StringBuilder();
        for (RuleHandle rule : existing) {
            if (change.removeComments().contains(rule.comment())) {
                script.append("delete rule ").append(Firewall.TABLE).append(' ').append(rule.chain())
                        .append(" handle ").append(rule.handle()).append('\n');
            }
        }
        change.add().forEach(rule -> appendAdd(script, rule));
        return script.toString();
    }

    /** The commented rules of a {@code nft -a list table} listing. */
    static List<RuleHandle> handles(String listing) {
        List<RuleHandle> handles = new ArrayList<>();
        String chain = null;
        for (String line : listing.split("\n")) {
            Matcher chainLine = CHAIN.matcher(line);
            if (chainLine.matches()) {
                chain = chainLine.group(1);
                continue;
            }
            Matcher ruleLine = RULE.matcher(line);
            if (chain != null && ruleLine.matches()) {
                handles.add(new RuleHandle(chain, ruleLine.group(1), Long.parseLong(ruleLine.group(2))));
            }
        }
        return handles;
    }

    private static void appendAdd(StringBuilder script, FirewallRule rule) {
        script.append("add rule ").append(Firewall.TABLE).append(' ').append(rule.chain()).append(' ')
                .append(rule.listed()).append('\n');
    }
}
