package io.netdock.kernel.linux;

import com.sun.jna.Pointer;
import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * netdock's table. Rules are added through libnftables (one context, created and used on the namespace thread
 * inside the host namespace: libnftables opens its netlink socket in the namespace of the thread that creates the
 * context); each change is one {@code nft_run_cmd_from_buffer} call, which the kernel commits as one transaction.
 * <p>
 * Rules are removed by handle, and the handles come from a mirror of the table's rules ({@link NftRules}): read
 * from a dump at start and after a {@link #replace}, then kept current by the kernel's own notifications
 * ({@code NFNLGRP_NFTABLES}), which are queued on a socket of netdock's by the time a transaction's {@code sendto}
 * returns. So no change lists the table, and one that only removes rules is a single {@code NFT_MSG_DELRULE}
 * batch sent without libnftables — no work grows with the number of rules. (libnftables' echo output would also
 * give handles, but for it libnftables first loads every rule of every table.) If the kernel ever drops
 * notifications, or a handle turns out stale, the mirror is re-read from a dump.
 */
final class NftFirewall implements Firewall, AutoCloseable {

    static final String TABLE_NAME = "netdock";
    private static final String APPLY = "apply firewall change to table " + TABLE;

    private final NamespaceThread thread;
    private final NamespaceHandle host;
    private final Pointer context;
    private final NetlinkSocket requests;
    private final NetlinkSocket events;
    private final NftRules rules = new NftRules();

    private NftFirewall(NamespaceThread thread, NamespaceHandle host, Pointer context, NetlinkSocket[] sockets) {
        this.thread = thread;
        this.host = host;
        this.context = context;
        this.requests = sockets[0];
        this.events = sockets[1];
    }

    static NftFirewall open(NamespaceThread thread, NamespaceHandle host) {
        String unavailable = Libnftables.unavailableReason();
        if (unavailable != null) {
            throw new KernelException("nftables needs " + unavailable, Errno.ENOENT);
        }
        NetlinkSocket[] sockets = thread.in(host, () -> {
            NetlinkSocket requests = NetlinkSocket.netfilter();
            try {
                NetlinkSocket events = NetlinkSocket.netfilter();
                events.subscribe(Netlink.NFNLGRP_NFTABLES);
                return new NetlinkSocket[] {requests, events};
            } catch (RuntimeException failure) {
                requests.close();
                throw failure;
            }
        });
        try {
            Pointer context = thread.in(host, () -> {
                Pointer created = Libnftables.nft_ctx_new(Libnftables.NFT_CTX_DEFAULT);
                if (created == null) {
                    throw new KernelException("create libnftables context: failed", Errno.ENOMEM);
                }
                Libnftables.nft_ctx_buffer_output(created);
                Libnftables.nft_ctx_buffer_error(created);
                return created;
            });
            return new NftFirewall(thread, host, context, sockets);
        } catch (RuntimeException failure) {
            sockets[0].close();
            sockets[1].close();
            throw failure;
        }
    }

    @Override
    public synchronized void ensure(FirewallLayout layout) {
        try {
            run(NftScript.LIST, "list table " + TABLE);
        } catch (KernelObjectNotFound missing) {
            run(NftScript.create(layout), "create table " + TABLE);
        }
        reread();
    }

    @Override
    public synchronized void apply(FirewallChange change) {
        if (change.isEmpty()) {
            return;
        }
        catchUp();
        try {
            applyOnce(change);
        } catch (KernelObjectNotFound stale) {
            reread(); // a handle that no longer exists: someone else changed the table
            applyOnce(change);
        }
        catchUp();
    }

    private void applyOnce(FirewallChange change) {
        List<NftRule> stale = rules.tagged(change.removeComments());
        if (!change.add().isEmpty()) {
            run(NftScript.change(stale, change.add()), APPLY);
        } else if (!stale.isEmpty()) {
            requests.transact(NfTablesCodec.deleteRules(TABLE_NAME, stale), APPLY);
        }
    }

    @Override
    public synchronized void replace(FirewallLayout layout, List<FirewallRule> replacement) {
        run(NftScript.replace(layout, replacement), "replace table " + TABLE);
        reread();
    }

    @Override
    public synchronized String ruleset() {
        try {
            return run(NftScript.LIST, "list table " + TABLE);
        } catch (KernelObjectNotFound missing) {
            return "";
        }
    }

    /** Applies the notifications waiting on the events socket to the mirror (re-reads it if some were lost). */
    private void catchUp() {
        NetlinkSocket.Drained drained = events.drain("read nftables notifications");
        if (drained.overflowed()) {
            reread();
            return;
        }
        drained.messages().stream().map(message -> NfTablesCodec.event(message, TABLE_NAME))
                .filter(Objects::nonNull).forEach(rules::apply);
    }

    /** Re-reads the mirror from a dump, then applies what changed while the dump ran. */
    private void reread() {
        events.drain("read nftables notifications");
        List<NftRule> dumped = new ArrayList<>();
        try {
            for (ByteBuffer message : requests.dump(NfTablesCodec.dumpRules(TABLE_NAME), "list rules of " + TABLE)) {
                NftRule rule = NfTablesCodec.rule(message, TABLE_NAME);
                if (rule != null) {
                    dumped.add(rule);
                }
            }
        } catch (KernelObjectNotFound noTable) {
            // no table, no rules
        }
        rules.reset(dumped);
        catchUp();
    }

    /** The number of rules the mirror knows (for tests). */
    synchronized int mirroredRules() {
        catchUp();
        return rules.size();
    }

    private String run(String script, String operation) {
        return thread.in(host, () -> {
            Libnftables.nft_ctx_output_set_flags(context, 0);
            int result = Libnftables.nft_run_cmd_from_buffer(context, script);
            String output = Libnftables.nft_ctx_get_output_buffer(context);
            String error = Libnftables.nft_ctx_get_error_buffer(context);
            if (result != 0) {
                throw failure(operation, error);
            }
            return output == null ? "" : output;
        });
    }

    /**
     * Runs a script with a libnftables context of its own, created, used and freed on the calling thread — the
     * namespace thread, inside the namespace the script is for (libnftables talks to the namespace of the thread
     * that runs it). For the small tables of sandboxes, which are written once per resolver.
     *
     * @return what nft printed
     */
    static String runHere(String script, String operation) {
        Pointer context = Libnftables.nft_ctx_new(Libnftables.NFT_CTX_DEFAULT);
        if (context == null) {
            throw new KernelException(operation + ": create libnftables context: failed", Errno.ENOMEM);
        }
        try {
            Libnftables.nft_ctx_buffer_output(context);
            Libnftables.nft_ctx_buffer_error(context);
            int result = Libnftables.nft_run_cmd_from_buffer(context, script);
            String output = Libnftables.nft_ctx_get_output_buffer(context);
            if (result != 0) {
                throw failure(operation, Libnftables.nft_ctx_get_error_buffer(context));
            }
            return output == null ? "" : output;
        } finally {
            Libnftables.nft_ctx_free(context);
        }
    }

    /** nft reports errors as text ("Error: Could not process rule: No such file or directory"); keep its errno. */
    static KernelException failure(String operation, String error) {
        String detail = error == null || error.isBlank() ? "nft failed" : error.strip().lines().findFirst().orElse("")
                .replaceFirst("^Error: ", "");
        for (int errno = 1; errno < 134; errno++) {
            String text = Errno.describe(errno);
            if (!text.startsWith("errno ") && detail.endsWith(text)) {
                String before = detail.substring(0, detail.length() - text.length()).replaceFirst(":?\\s*$", "");
                return KernelException.of(operation, errno, before.isEmpty() ? null : before);
            }
        }
        return new KernelException(operation + ": " + detail, 0);
    }

    @Override
    public void close() {
        requests.close();
        events.close();
        thread.in(host, () -> {
            Libnftables.nft_ctx_free(context);
            return null;
        });
    }
}
