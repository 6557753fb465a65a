package io.netdock.kernel.linux;

import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.List;

/** The nft scripts netdock hands to libnftables, each run as one transaction. Pure text: tested against golden files. */
final class NftScript {

    static final String LIST = "list table " + Firewall.TABLE + "\n";

    private NftScript() {
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

    /** Deletes rules by handle, then adds rules. */
    static String change(List<NftRule> delete, List<FirewallRule> add) {
        StringBuilder script = new StringBuilder();
        for (NftRule rule : delete) {
            script.append("delete rule ").append(Firewall.TABLE).append(' ').append(rule.chain())
                    .append(" handle ").append(rule.handle()).append('\n');
        }
        add.forEach(rule -> appendAdd(script, rule));
        return script.toString();
    }

    private static void appendAdd(StringBuilder script, FirewallRule rule) {
        script.append("add rule ").append(Firewall.TABLE).append(' ').append(rule.chain()).append(' ')
                .append(rule.listed()).append('\n');
    }
}
