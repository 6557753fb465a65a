package io.netdock.kernel.linux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of netdock's table with their handles, mirrored from a dump and kept current by the kernel's
 * notifications, so that removing rules by comment needs no listing. Not thread-safe: the firewall guards it.
 */
final class NftRules {

    private final Map<Long, NftRule> byHandle = new LinkedHashMap<>();

    void reset(Collection<NftRule> rules) {
        byHandle.clear();
        rules.forEach(this::add);
    }

    void apply(NfTablesCodec.Event event) {
        if (event instanceof NfTablesCodec.RuleAdded added) {
            add(added.rule());
        } else if (event instanceof NfTablesCodec.RuleDeleted deleted) {
            byHandle.remove(deleted.handle());
        } else {
            byHandle.clear();
        }
    }

    private void add(NftRule rule) {
        byHandle.put(rule.handle(), rule);
    }

    /** The rules whose comment is one of {@code comments}, in table order of their handles. */
    List<NftRule> tagged(Set<String> comments) {
        List<NftRule> tagged = new ArrayList<>();
        for (NftRule rule : byHandle.values()) {
            if (rule.comment() != null && comments.contains(rule.comment())) {
                tagged.add(rule);
            }
        }
        return tagged;
    }

    int size() {
        return byHandle.size();
    }
}
