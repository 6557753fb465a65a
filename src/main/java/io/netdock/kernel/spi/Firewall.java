package io.netdock.kernel.spi;

/**
 * netdock's own nftables table ({@code table inet netdock}) in the host namespace. Each call is one atomic
 * transaction: it applies whole or not at all. Rules carry a comment naming what they belong to, so removing
 * them is exact.
 */
public interface Firewall {

    /** The table's family and name, as nft writes them. */
    String TABLE = "inet netdock";

    /** Creates the table with its chains and base rules if it does not exist; an existing table is left alone. */
    void ensure(FirewallLayout layout);

    /** Removes every rule whose comment is in {@code change.removeComments()}, then adds {@code change.add()}. */
    void apply(FirewallChange change);

    /** Replaces the whole table by the layout plus exactly these rules (start-up reconcile). */
    void replace(FirewallLayout layout, java.util.List<FirewallRule> rules);

    /** The table as {@code nft list table inet netdock} prints it; empty if it does not exist. */
    String ruleset();
}
