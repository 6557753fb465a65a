package io.netdock.kernel.linux;

import static io.netdock.kernel.linux.Netlink.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few nf_tables netlink messages netdock speaks itself, next to libnftables: dumping the rules of its table,
 * deleting rules by handle in one transaction, and reading the kernel's notifications about rules. Everything that
 * needs nft's language (adding rules) goes through libnftables. Pure functions over bytes: tested against golden
 * hex without a kernel.
 */
final class NfTablesCodec {

    private NfTablesCodec() {
    }

    /** What a notification says about netdock's table. */
    sealed interface Event permits RuleAdded, RuleDeleted, TableDeleted {
    }

    record RuleAdded(NftRule rule) implements Event {
    }

    record RuleDeleted(long handle) implements Event {
    }

    record TableDeleted() implements Event {
    }

    /** {@code nft -a list table inet <table>}, as a dump of its rules (the kernel filters by family and table). */
    static NetlinkMessage dumpRules(String table) {
        return NetlinkMessage.request(type(NFT_MSG_GETRULE), NLM_F_DUMP).nfgenmsg(NFPROTO_INET, 0)
                .string(NFTA_RULE_TABLE, table);
    }

    /** {@code delete rule inet <table> <chain> handle <n>} for each rule, as one transaction (batch). */
    static List<NetlinkMessage> deleteRules(String table, List<NftRule> rules) {
        List<NetlinkMessage> batch = new ArrayList<>();
        batch.add(NetlinkMessage.request(NFNL_MSG_BATCH_BEGIN, 0).nfgenmsg(AF_UNSPEC, NFNL_SUBSYS_NFTABLES));
        for (NftRule rule : rules) {
            batch.add(NetlinkMessage.request(type(NFT_MSG_DELRULE), NLM_F_ACK).nfgenmsg(NFPROTO_INET, 0)
                    .string(NFTA_RULE_TABLE, table).string(NFTA_RULE_CHAIN, rule.chain())
                    .be64(NFTA_RULE_HANDLE, rule.handle()));
        }
        batch.add(NetlinkMessage.request(NFNL_MSG_BATCH_END, 0).nfgenmsg(AF_UNSPEC, NFNL_SUBSYS_NFTABLES));
        return batch;
    }

    /** A rule as a dump or a {@code NFT_MSG_NEWRULE} notification reports it, if it is in {@code inet <table>}. */
    static NftRule rule(ByteBuffer message, String table) {
        Attributes attributes = attributes(message);
        if (family(message) != NFPROTO_INET || !table.equals(attributes.string(NFTA_RULE_TABLE))) {
            return null;
        }
        return new NftRule(attributes.string(NFTA_RULE_CHAIN), comment(attributes.bytes(NFTA_RULE_USERDATA)),
                attributes.be64(NFTA_RULE_HANDLE, -1));
    }

    /** What a notification means for {@code inet <table>}, or null if it is about something else. */
    static Event event(ByteBuffer message, String table) {
        int type = NetlinkSocket.type(message);
        if (type >> 8 != NFNL_SUBSYS_NFTABLES || family(message) != NFPROTO_INET) {
            return null;
        }
        Attributes attributes = attributes(message);
        return switch (type & 0xff) {
            case NFT_MSG_NEWRULE -> {
                NftRule rule = rule(message, table);
                yield rule == null ? null : new RuleAdded(rule);
            }
            case NFT_MSG_DELRULE -> table.equals(attributes.string(NFTA_RULE_TABLE))
                    ? new RuleDeleted(attributes.be64(NFTA_RULE_HANDLE, -1)) : null;
            case NFT_MSG_DELTABLE -> table.equals(attributes.string(NFTA_TABLE_NAME)) ? new TableDeleted() : null;
            default -> null;
        };
    }

    /** The comment among a rule's user data: TLVs of a one-byte type and a one-byte length, as libnftnl writes them. */
    static String comment(byte[] userData) {
        if (userData == null) {
            return null;
        }
        for (int i = 0; i + 2 <= userData.length; ) {
            int type = Byte.toUnsignedInt(userData[i]);
            int length = Byte.toUnsignedInt(userData[i + 1]);
            if (i + 2 + length > userData.length) {
                return null;
            }
            if (type == NFTNL_UDATA_RULE_COMMENT) {
                int end = i + 2;
                while (end < i + 2 + length && userData[end] != 0) {
                    end++;
                }
                return new String(userData, i + 2, end - i - 2, StandardCharsets.UTF_8);
            }
            i += 2 + length;
        }
        return null;
    }

    private static int type(int message) {
        return NFNL_SUBSYS_NFTABLES << 8 | message;
    }

    private static int family(ByteBuffer message) {
        return Byte.toUnsignedInt(message.get(NLMSG_HDRLEN));
    }

    private static Attributes attributes(ByteBuffer message) {
        return new Attributes(message.duplicate().position(NLMSG_HDRLEN + 4));
    }
}
