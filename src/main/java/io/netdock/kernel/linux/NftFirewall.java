package io.netdock.kernel.linux;

import com.sun.jna.Pointer;
import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import io.netdock.kernel.KernelObjectNotFound;
import io.netdock.kernel.spi.Firewall;
import io.netdock.kernel.spi.FirewallChange;
import io.netdock.kernel.spi.FirewallLayout;
import io.netdock.kernel.spi.FirewallRule;
import java.util.List;

/**
 * netdock's table through libnftables: one context, created and always used on the namespace thread inside the
 * host namespace (libnftables opens its netlink socket in the namespace of the thread that creates the context).
 * Each change is one {@code nft_run_cmd_from_buffer} call, which the kernel commits as one transaction.
 */
final class NftFirewall implements Firewall, AutoCloseable {

    private final NamespaceThread thread;
    private final NamespaceHandle host;
    private final Pointer context;

    private NftFirewall(NamespaceThread thread, NamespaceHandle host, Pointer context) {
        this.thread = thread;
        this.host = host;
        this.context = context;
    }

    static NftFirewall open(NamespaceThread thread, NamespaceHandle host) {
        String unavailable = Libnftables.unavailableReason();
        if (unavailable != null) {
            throw new KernelException("nftables needs " + unavailable, Errno.ENOENT);
        }
        Pointer context = thread.in(host, () -> {
            Pointer created = Libnftables.nft_ctx_new(Libnftables.NFT_CTX_DEFAULT);
            if (created == null) {
                throw new KernelException("create libnftables context: failed", Errno.ENOMEM);
            }
            Libnftables.nft_ctx_buffer_output(created);
            Libnftables.nft_ctx_buffer_error(created);
            return created;
        });
        return new NftFirewall(thread, host, context);
    }

    @Override
    public void ensure(FirewallLayout layout) {
        try {
            run(NftScript.LIST, false, "list table " + TABLE);
        } catch (KernelObjectNotFound missing) {
            run(NftScript.create(layout), false, "create table " + TABLE);
        }
    }

    @Override
    public void apply(FirewallChange change) {
        if (change.isEmpty()) {
            return;
        }
        List<NftScript.RuleHandle> existing = change.removeComments().isEmpty() ? List.of()
                : NftScript.handles(run(NftScript.LIST, true, "list table " + TABLE));
        String script = NftScript.change(change, existing);
        if (!script.isEmpty()) {
            run(script, false, "apply firewall change to table " + TABLE);
        }
    }

    @Override
    public void replace(FirewallLayout layout, List<FirewallRule> rules) {
        run(NftScript.replace(layout, rules), false, "replace table " + TABLE);
    }

    @Override
    public String ruleset() {
        try {
            return run(NftScript.LIST, false, "list table " + TABLE);
        } catch (KernelObjectNotFound missing) {
            return "";
        }
    }

    private String run(String script, boolean withHandles, String operation) {
        return thread.in(host, () -> {
            Libnftables.nft_ctx_output_set_flags(context, withHandles ? Libnftables.NFT_CTX_OUTPUT_HANDLE : 0);
            int result = Libnftables.nft_run_cmd_from_buffer(context, script);
            String output = Libnftables.nft_ctx_get_output_buffer(context);
            String error = Libnftables.nft_ctx_get_error_buffer(context);
            if (result != 0) {
                throw failure(operation, error);
            }
            return output == null ? "" : output;
        });
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
        thread.in(host, () -> {
            Libnftables.nft_ctx_free(context);
            return null;
        });
    }
}
