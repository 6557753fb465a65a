package io.netdock.kernel.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** {@code libnftables.so.1} (Debian package {@code libnftables1}), bound by JNA direct mapping. */
final class Libnftables {

    static final String LIBRARY = "libnftables.so.1";
    static final int NFT_CTX_DEFAULT = 0;             // nftables/libnftables.h
    static final int NFT_CTX_OUTPUT_HANDLE = 1 << 3;  // nftables/libnftables.h

    static {
        Native.register(NativeLibrary.getInstance(LIBRARY));
    }

    private Libnftables() {
    }

    static native Pointer nft_ctx_new(int flags);

    static native void nft_ctx_free(Pointer ctx);

    static native int nft_ctx_buffer_output(Pointer ctx);

    static native int nft_ctx_buffer_error(Pointer ctx);

    static native String nft_ctx_get_output_buffer(Pointer ctx);

    static native String nft_ctx_get_error_buffer(Pointer ctx);

    static native void nft_ctx_output_set_flags(Pointer ctx, int flags);

    static native int nft_run_cmd_from_buffer(Pointer ctx, String buffer);

    /** Whether the library can be loaded here, and if not, why. */
    static String unavailableReason() {
        try {
            NativeLibrary.getInstance(LIBRARY);
            return null;
        } catch (UnsatisfiedLinkError e) {
            return LIBRARY + " (Debian package libnftables1), which cannot be loaded here";
        }
    }
}
