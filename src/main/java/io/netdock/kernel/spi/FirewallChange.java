package io.netdock.kernel.spi;

import java.util.List;
import java.util.Set;

/** One atomic firewall transaction: drop the rules tagged with these comments, then add these rules. */
public record FirewallChange(Set<String> removeComments, List<FirewallRule> add) {

    public FirewallChange {
        removeComments = Set.copyOf(removeComments);
        add = List.copyOf(add);
    }

    public static FirewallChange adding(List<FirewallRule> rules) {
        return new FirewallChange(Set.of(), rules);
    }

    public static FirewallChange removing(Set<String> comments) {
        return new FirewallChange(comments, List.of());
    }

    public boolean isEmpty() {
        return removeComments.isEmpty() && add.isEmpty();
    }
}
