package io.netdock.kernel.spi;

import java.util.List;

/**
 * A whole nftables table inside one namespace, written and replaced as a unit ({@link NetNamespace#replaceTable}):
 * e.g. a sandbox's {@code table ip docker-dns}. Unlike netdock's host table its rules carry no comment: the table
 * belongs to one owner and is only ever replaced or deleted whole.
 *
 * @param family {@code ip}, {@code ip6} or {@code inet}
 */
public record NamespaceTable(String family, String name, List<Chain> chains) {

    public NamespaceTable {
        chains = List.copyOf(chains);
    }

    /** {@code family name}, as nft commands name the table. */
    public String qualifiedName() {
        return family + " " + name;
    }

    /**
     * The nft script that replaces the table in one transaction: {@code add} then {@code delete} makes the delete
     * safe when the table does not exist yet, then the table is created with its chains and rules.
     */
    public String replacementScript() {
        StringBuilder script = new StringBuilder()
                .append("add table ").append(qualifiedName()).append('\n')
                .append("delete table ").append(qualifiedName()).append('\n')
                .append("add table ").append(qualifiedName()).append('\n');
        for (Chain chain : chains) {
            script.append("add chain ").append(qualifiedName()).append(' ').append(chain.definition().name());
            if (chain.definition().isBase()) {
                script.append(" { ").append(chain.definition().declaration()).append(" }");
            }
            script.append('\n');
        }
        for (Chain chain : chains) {
            chain.rules().forEach(rule -> script.append("add rule ").append(qualifiedName()).append(' ')
                    .append(chain.definition().name()).append(' ').append(rule).append('\n'));
        }
        return script.toString();
    }

    /** The nft script that deletes the table if it exists (and does nothing otherwise), in one transaction. */
    public static String deletionScript(String family, String name) {
        return "add table " + family + " " + name + "\ndelete table " + family + " " + name + "\n";
    }

    /** The table as {@code nft list table <family> <name>} prints it. */
    public String listing() {
        StringBuilder text = new StringBuilder("table ").append(qualifiedName()).append(" {\n");
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append("\tchain ").append(chain.definition().name()).append(" {\n");
            if (chain.definition().isBase()) {
                text.append("\t\t").append(chain.definition().declaration()).append('\n');
            }
            chain.rules().forEach(rule -> text.append("\t\t").append(rule).append('\n'));
            text.append("\t}\n");
        }
        return text.append("}\n").toString();
    }

    /**
     * One chain and its rules, in nft's canonical words (as {@code nft list} prints them back).
     */
    public record Chain(FirewallChain definition, List<String> rules) {

        public Chain {
            rules = List.copyOf(rules);
        }
    }
}
