package io.netdock.kernel.simulated;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                chain.removeTagged(change.removeComments());
            }
            change.add().forEach(rule -> chains.get(rule.chain()).add(rule));
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
                chain.rules.values().forEach(rule -> text.append("\t\t").append(rule.listed()).append('\n'));
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
            chain.add(rule);
        }
        return built;
    }

    private static List<FirewallRule> concat(List<FirewallRule> a, List<FirewallRule> b) {
        List<FirewallRule> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A chain's rules in order, found by comment (so dropping one network's or port's rules is not a scan). */
    private static final class Chain {
        final FirewallChain definition;
        final Map<Long, FirewallRule> rules = new LinkedHashMap<>();
        final Map<String, List<Long>> byComment = new HashMap<>();
        long next;

        Chain(FirewallChain definition) {
            this.definition = definition;
        }

        void add(FirewallRule rule) {
            long key = next++;
            rules.put(key, rule);
            byComment.computeIfAbsent(rule.comment(), comment -> new ArrayList<>()).add(key);
        }

        void removeTagged(Set<String> comments) {
            for (String comment : comments) {
                List<Long> keys = byComment.remove(comment);
                if (keys != null) {
                    keys.forEach(rules::remove);
                }
            }
        }
    }
}
