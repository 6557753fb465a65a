package io.netdock.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.Golden;
import io.netdock.kernel.spi.FirewallChain;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nft scripts handed to libnftables, against golden text. */
class NftScriptTest {

    private static final FirewallLayout LAYOUT = new FirewallLayout(
            List.of(FirewallChain.base("prerouting", "nat", "prerouting", "dstnat"), FirewallChain.regular("published")),
            List.of(new FirewallRule("prerouting", "fib daddr type local jump published", "netdock")));

    @Test
    void createsTheTableWithChainsAndBaseRules() {
        assertThat(NftScript.create(LAYOUT)).isEqualTo(Golden.text("nft/create.nft"));
    }

    @Test
    void replacesTheWholeTableInOneTransaction() {
        assertThat(NftScript.replace(LAYOUT, List.of(new FirewallRule("published",
                "meta nfproto ipv4 tcp dport 8080 dnat ip to 172.30.1.2:80", "netdock port e1 tcp 0.0.0.0 8080"))))
                .isEqualTo(Golden.text("nft/replace.nft"));
    }

    @Test
    void deletesRulesByHandleAndAddsTheNewOnesInOneScript() {
        String script = NftScript.change(List.of(new NftRule("published", "netdock port e1 tcp 0.0.0.0 8080", 9),
                new NftRule("postrouting", "netdock port e1 tcp 0.0.0.0 8080", 12)),
                List.of(new FirewallRule("published", "meta nfproto ipv4 tcp dport 8081 dnat ip to 172.30.1.2:80",
                        "netdock port e1 tcp 0.0.0.0 8081")));

        assertThat(script).isEqualTo("""
                delete rule inet netdock published handle 9
                delete rule inet netdock postrouting handle 12
                add rule inet netdock published meta nfproto ipv4 tcp dport 8081 dnat ip to 172.30.1.2:80 \
                comment "netdock port e1 tcp 0.0.0.0 8081"
                """);
    }

    @Test
    void keepsNftsErrnoInItsErrors() {
        assertThat(NftFirewall.failure("list table inet netdock",
                "Error: No such file or directory\nlist table inet netdock\n                ^^^^^^^\n"))
                .hasMessage("list table inet netdock: No such file or directory")
                .isInstanceOf(io.netdock.kernel.KernelObjectNotFound.class);
        assertThat(NftFirewall.failure("apply", "Error: Could not process rule: Operation not supported\n"))
                .hasMessage("apply: Operation not supported (Could not process rule)");
        assertThat(NftFirewall.failure("apply", "Error: syntax error, unexpected junk\n"))
                .hasMessage("apply: syntax error, unexpected junk");
    }
}
