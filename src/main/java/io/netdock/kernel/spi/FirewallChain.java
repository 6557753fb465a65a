package io.netdock.kernel.spi;

/**
 * A chain of netdock's table. A base chain has a type, hook and priority; a regular chain (a jump target) has
 * none.
 *
 * @param priority as nft prints it: {@code dstnat}, {@code srcnat}, {@code filter} or a number
 */
public record FirewallChain(String name, String type, String hook, String priority) {

    public static FirewallChain base(String name, String type, String hook, String priority) {
        return new FirewallChain(name, type, hook, priority);
    }

    public static FirewallChain regular(String name) {
        return new FirewallChain(name, null, null, null);
    }

    public boolean isBase() {
        return hook != null;
    }

    /** The chain's header line as {@code nft list} prints it, or null for a regular chain. */
    public String declaration() {
        return isBase() ? "type " + type + " hook " + hook + " priority " + priority + "; policy accept;" : null;
    }
}
