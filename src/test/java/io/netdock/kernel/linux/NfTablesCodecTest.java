package io.netdock.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nf_tables messages netdock speaks itself, against golden bytes: the requests it sends, and notifications
 * captured from a real kernel. The rule mirror fed by them.
 */
class NfTablesCodecTest {

    private static final String PUBLISHED = "netdock port " + "e1".repeat(32) + " tcp 0.0.0.0 8080";

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    }

    private static String golden(String name) {
        return GoldenBytes.hex("nft/" + name);
    }

    private static ByteBuffer captured(String name) {
        return GoldenBytes.captured("nft/" + name);
    }

    private static String encoded(List<NetlinkMessage> messages) {
        StringBuilder hex = new StringBuilder();
        messages.forEach(message -> hex.append(GoldenBytes.encoded(message)));
        return hex.toString();
    }

    @Test
    void deletesRulesByHandleInOneTransactionAndDumpsTheRulesOfOneTable() {
        assertThat(encoded(NfTablesCodec.deleteRules("netdock", List.of(new NftRule("published", "x", 9),
                new NftRule("postrouting", "x", 12))))).isEqualTo(golden("delete-rules"));
        assertThat(encoded(List.of(NfTablesCodec.dumpRules("netdock")))).isEqualTo(golden("dump-rules"));
    }

    @Test
    void readsTheRuleOfANotificationWithItsHandleAndComment() {
        assertThat(NfTablesCodec.event(captured("notification-newrule"), "netdock"))
                .isEqualTo(new NfTablesCodec.RuleAdded(new NftRule("published", PUBLISHED, 13)));
        assertThat(NfTablesCodec.event(captured("notification-delrule"), "netdock"))
                .isEqualTo(new NfTablesCodec.RuleDeleted(13));
        assertThat(NfTablesCodec.event(captured("notification-newgen"), "netdock")).isNull();
        assertThat(NfTablesCodec.event(captured("notification-newrule"), "other")).isNull();
    }

    @Test
    void theMirrorFollowsTheNotifications() {
        NftRules rules = new NftRules();
        rules.reset(List.of(new NftRule("published", "netdock port a", 4), new NftRule("postrouting", "netdock port a", 5),
                new NftRule("published", "netdock port b", 6)));

        rules.apply(NfTablesCodec.event(captured("notification-newrule"), "netdock"));
        rules.apply(new NfTablesCodec.RuleDeleted(4));

        assertThat(rules.tagged(Set.of("netdock port a", PUBLISHED))).containsExactly(
                new NftRule("postrouting", "netdock port a", 5), new NftRule("published", PUBLISHED, 13));
        rules.apply(new NfTablesCodec.TableDeleted());
        assertThat(rules.size()).isZero();
    }

    @Test
    void findsTheCommentAmongTheUserData() {
        byte[] userData = {1, 1, 9, 0, 4, 'a', 'b', 'c', 0};
        assertThat(NfTablesCodec.comment(userData)).isEqualTo("abc");
        assertThat(NfTablesCodec.comment(new byte[] {1, 1, 9})).isNull();
        assertThat(NfTablesCodec.comment(new byte[] {0, 9, 'a'})).isNull();
    }
}
