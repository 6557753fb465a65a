package io.netdock.kernel.spi;

/**
 * One rule of netdock's table: {@code add rule inet netdock <chain> <expression> comment "<comment>"}.
 *
 * @param expression the rule in nft's canonical words (as {@code nft list} prints it back)
 * @param comment    what the rule belongs to: {@code netdock network <id>}, {@code netdock port …}
 */
public record FirewallRule(String chain, String expression, String comment) {

    public FirewallRule {
        if (comment.indexOf('"') >= 0 || comment.length() > 128) {
            throw new IllegalArgumentException("nft comments are at most 128 characters without quotes: " + comment);
        }
    }

    /** The rule as {@code nft list} prints it inside its chain. */
    public String listed() {
        return expression + " comment \"" + comment + "\"";
    }
}
