package io.netdock.kernel.spi;

import java.util.List;

/** The fixed part of netdock's table: its chains, in order, and the rules that wire them together. */
public record FirewallLayout(List<FirewallChain> chains, List<FirewallRule> baseRules) {

    public FirewallLayout {
        chains = List.copyOf(chains);
        baseRules = List.copyOf(baseRules);
    }
}
