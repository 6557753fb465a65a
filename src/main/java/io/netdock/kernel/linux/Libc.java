package io.netdock.kernel.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.netdock.kernel.KernelException;

/**
 * The libc calls netdock needs, bound by JNA direct mapping (no per-call reflection). Raw calls return -1 and
 * leave errno in {@link Native#getLastError()}; {@link #check} turns that into a {@link KernelException}.
 */
final class Libc {

    static final int AF_NETLINK = 16;               // bits/socket.h
    static final int SOCK_RAW = 3;                  // bits/socket_type.h
    static final int SOCK_CLOEXEC = 02000000;       // bits/socket_type.h
    static final int SOL_NETLINK = 270;             // bits/socket.h
    static final int SOL_SOCKET = 1;                // asm-generic/socket.h
    static final int SO_RCVBUF = 8;                 // asm-generic/socket.h
    static final int SO_SNDBUFFORCE = 32;           // asm-generic/socket.h
    static final int SO_RCVBUFFORCE = 33;           // asm-generic/socket.h
    static final int MSG_TRUNC = 0x20;              // bits/socket.h
    static final int MSG_DONTWAIT = 0x40;           // bits/socket.h
    static final int O_RDONLY = 0;                  // asm-generic/fcntl.h
    static final int O_CLOEXEC = 02000000;          // asm-generic/fcntl.h
    static final int CLONE_NEWNET = 0x40000000;     // linux/sched.h
    static final long MS_BIND = 4096;               // linux/mount.h
    static final long MS_REC = 16384;               // linux/mount.h
    static final long MS_SHARED = 1 << 20;          // linux/mount.h
    static final int MNT_DETACH = 2;                // sys/mount.h

    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Libc() {
    }

    static native int socket(int domain, int type, int protocol);

    static native int bind(int fd, Pointer address, int length);

    static native int setsockopt(int fd, int level, int name, int[] value, int length);

    static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addressLength);

    static native long recvmsg(int fd, Pointer message, int flags);

    static native int close(int fd);

    static native int open(String path, int flags);

    static native int setns(int fd, int nstype);

    static native int unshare(int flags);

    static native int mount(String source, String target, String type, long flags, Pointer data);

    static native int umount2(String target, int flags);

    /** Throws {@code operation: strerror(errno)} if a raw call returned a negative value. */
    static long check(long result, String operation) {
        if (result < 0) {
            throw KernelException.of(operation, Native.getLastError());
        }
        return result;
    }

    static int errno() {
        return Native.getLastError();
    }
}
