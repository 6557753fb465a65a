package io.netdock.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The warm-up walks the path of a local answer (not only of a refused or failed one), on state of its own. */
class ResolverWarmUpTest {

    @Test
    void aLocalAnswerIsGivenForEachLocalTypeOverBothTransports() throws Exception {
        int localTypesWithRecords = 3;
        assertThat(ResolverWarmUp.answerLocally(Name.fromString("warm-up.invalid.")))
                .isEqualTo(localTypesWithRecords * ResolverWarmUp.ROUNDS * Transport.values().length);
    }

    @Test
    void theRealIndexIsLeftAlone() {
        NameIndex index = new NameIndex();
        long version = index.version();
        ResolverWarmUp.run(new DnsService(new DnsResolver(index, DnsOptions.DOCKER),
                (upstream, query, transport, containerId) -> {
                    throw new AssertionError("the warm-up forwarded a query");
                }));
        assertThat(index.size()).isZero();
        assertThat(index.version()).isEqualTo(version);
    }
}
