package io.netdock.kernel.simulated;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * netdock's nftables table as a model: chains holding rules in order. Prints itself the way
 * {@code nft list table inet netdock} does, so both modes show the same ruleset text.
 */
final class SimulatedFirewall implements Firewall {

    private final Object lock;
    private Map<String, Chain> chains;

    SimulatedFirewall(Object lock) {
        this.lock = lock;
    }

    @Override
    public void ensure(FirewallLayout layout) {
        synchronized (lock) {
            if (chains == null) {
                chains = build(layout, List.of());
            }
        }
    }

    @Override
    public void apply(FirewallChange change) {
        synchronized (lock) {
            if (chains == null) {
                throw KernelException.of("apply firewall change to table " + TABLE, Errno.ENOENT);
            }
            for (FirewallRule rule : change.add()) {
                if (!chains.containsKey(rule.chain())) {
                    throw KernelException.of("add rule to chain " + rule.chain(), Errno.ENOENT);
                }
            }
            for (Chain chain : chains.values()) {
                chain.rules.removeIf(rule -> change.removeComments().contains(rule.comment()));
            }
            change.add().forEach(rule -> chains.get(rule.chain()).rules.add(rule));
        }
    }

    @Override
    public void replace(FirewallLayout layout, List<FirewallRule> rules) {
        synchronized (lock) {
            chains = build(layout, rules);
        }
    }

    @Override
    public String ruleset() {
        synchronized (lock) {
            if (chains == null) {
                return "";
            }
            StringBuilder text = new StringBuilder("table ").append(TABLE).append(" {\n");
            boolean first = true;
            for (Chain chain : chains.values()) {
                if (!first) {
                    text.append('\n');
                }
                first = false;
                text.append("\tchain ").append(chain.definition.name()).append(" {\n");
                if (chain.definition.isBase()) {
                    text.append("\t\t").append(chain.definition.declaration()).append('\n');
                }
                chain.rules.forEach(rule -> text.append("\t\t").append(rule.listed()).append('\n'));
                text.append("\t}\n");
            }
            return text.append("}\n").toString();
        }
    }

    private static Map<String, Chain> build(FirewallLayout layout, List<FirewallRule> rules) {
        Map<String, Chain> built = new LinkedHashMap<>();
        layout.chains().forEach(chain -> built.put(chain.name(), new Chain(chain)));
        for (FirewallRule rule : concat(layout.baseRules(), rules)) {
            Chain chain = built.get(rule.chain());
            if (chain == null) {
                throw KernelException.of("add rule to chain " + rule.chain(), Errno.ENOENT);
            }
            chain.rules.add(rule);
        }
        return built;
    }

    private static List<FirewallRule> concat(List<FirewallRule> a, List<FirewallRule> b) {
        List<FirewallRule> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private record Chain(FirewallChain definition, List<FirewallRule> rules) {
        Chain(FirewallChain definition) {
            this(definition, new ArrayList<>());
        }
    }
}
