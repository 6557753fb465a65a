package io.netdock.kernel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.Golden;
import org.junit.jupiter.api.Test;

/** The sandbox's {@code table ip docker-dns}: the script netdock runs and the listing nft prints back. */
class DnsRulesTest {

    @Test
    void theScriptReplacesTheTableInOneTransaction() {
        assertThat(DnsRules.table(40001, 40002).replacementScript())
                .isEqualTo(Golden.text("nft/docker-dns-script.nft"));
    }

    @Test
    void theListingIsNftsOwn() {
        assertThat(DnsRules.table(40001, 40002).listing()).isEqualTo(Golden.dockerDns(40001, 40002));
    }
}
