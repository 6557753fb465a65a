package io.netdock.kernel.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NETLINK_ROUTE} socket, bound to the network namespace of the thread that opened it for its whole
 * life; once open it may be used from any thread (calls are serialised). Every request asks for an ACK; an
 * {@code NLMSG_ERROR} becomes a {@link KernelException} naming the operation, with the kernel's extended-ACK
 * text when it gives one. Buffers are allocated once and reused.
 */
final class RouteSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int SOCKADDR_NL = 12;

    private final int fd;
    private final Memory kernelAddress = new Memory(SOCKADDR_NL);
    private final Memory receive = new Memory(RECEIVE_BUFFER);
    private final Memory iovec = new Memory(16);
    private final Memory msghdr = new Memory(56);
    private Memory send = new Memory(4096);
    private int sequence;
    private boolean closed;

    private RouteSocket(int fd) {
        this.fd = fd;
        kernelAddress.clear();
        kernelAddress.setShort(0, (short) Libc.AF_NETLINK);
        iovec.setPointer(0, receive);
        iovec.setLong(8, RECEIVE_BUFFER);
        msghdr.clear();
        msghdr.setPointer(16, iovec);
        msghdr.setLong(24, 1);
    }

    /** Opens a socket in the calling thread's network namespace. */
    static RouteSocket open() {
        int fd = (int) Libc.check(Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC,
                Netlink.NETLINK_ROUTE), "open rtnetlink socket");
        try {
            int[] on = {1};
            Libc.check(Libc.setsockopt(fd, Libc.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, on, 4), "enable extended ACK");
            Libc.check(Libc.setsockopt(fd, Libc.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, on, 4), "enable capped ACK");
            Memory local = new Memory(SOCKADDR_NL);
            local.clear();
            local.setShort(0, (short) Libc.AF_NETLINK);
            Libc.check(Libc.bind(fd, local, SOCKADDR_NL), "bind rtnetlink socket");
            return new RouteSocket(fd);
        } catch (RuntimeException failure) {
            Libc.close(fd);
            throw failure;
        }
    }

    /** Sends a request (ACK requested) and returns the kernel's reply messages, if any, once it has ACKed. */
    synchronized List<ByteBuffer> request(NetlinkMessage message, String operation) {
        return exchange(message, operation, false);
    }

    /** Sends a dump request and returns every message of the multipart answer. */
    synchronized List<ByteBuffer> dump(NetlinkMessage message, String operation) {
        return exchange(message, operation, true);
    }

    private List<ByteBuffer> exchange(NetlinkMessage message, String operation, boolean dump) {
        if (closed) {
            throw new KernelException(operation + ": the namespace's rtnetlink socket is closed", Errno.EBADF);
        }
        int seq = ++sequence;
        byte[] bytes = message.encode(seq);
        if (send.size() < bytes.length) {
            send = new Memory(Math.max(bytes.length, send.size() * 2));
        }
        send.write(0, bytes, 0, bytes.length);
        while (Libc.sendto(fd, send, bytes.length, 0, kernelAddress, SOCKADDR_NL) < 0) {
            if (Native.getLastError() != Errno.EINTR) {
                throw KernelException.of(operation, Native.getLastError());
            }
        }
        List<ByteBuffer> replies = new ArrayList<>();
        while (true) {
            ByteBuffer datagram = receive(operation);
            while (datagram.remaining() >= Netlink.NLMSG_HDRLEN) {
                int start = datagram.position();
                int length = datagram.getInt(start);
                int type = Short.toUnsignedInt(datagram.getShort(start + 4));
                int flags = Short.toUnsignedInt(datagram.getShort(start + 6));
                int messageSeq = datagram.getInt(start + 8);
                if (length < Netlink.NLMSG_HDRLEN || start + length > datagram.limit()) {
                    throw new KernelException(operation + ": malformed netlink reply", Errno.EIO);
                }
                datagram.position(start + NetlinkMessage.align(length));
                if (messageSeq != seq) {
                    continue; // a late answer to an earlier request that failed half-way
                }
                ByteBuffer whole = datagram.duplicate().position(start).limit(start + length).slice()
                        .order(ByteOrder.nativeOrder());
                if (type == Netlink.NLMSG_ERROR) {
                    int error = whole.getInt(Netlink.NLMSG_HDRLEN);
                    if (error != 0) {
                        throw KernelException.of(operation, -error, extendedAck(whole, flags));
                    }
                    return replies;
                }
                if (type == Netlink.NLMSG_DONE) {
                    int error = whole.remaining() >= Netlink.NLMSG_HDRLEN + 4 ? whole.getInt(Netlink.NLMSG_HDRLEN) : 0;
                    if (error < 0) {
                        throw KernelException.of(operation, -error);
                    }
                    return replies;
                }
                ByteBuffer copy = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
                copy.put(whole).flip();
                replies.add(copy);
                if (dump && (flags & Netlink.NLM_F_MULTI) == 0) {
                    return replies;
                }
            }
        }
    }

    private ByteBuffer receive(String operation) {
        while (true) {
            msghdr.setInt(48, 0);
            long received = Libc.recvmsg(fd, msghdr, 0);
            if (received < 0) {
                if (Native.getLastError() == Errno.EINTR) {
                    continue;
                }
                throw KernelException.of(operation, Native.getLastError());
            }
            if ((msghdr.getInt(48) & Libc.MSG_TRUNC) != 0) {
                throw new KernelException(operation + ": netlink reply larger than " + RECEIVE_BUFFER + " bytes",
                        Errno.ENOBUFS);
            }
            return receive.getByteBuffer(0, received).order(ByteOrder.nativeOrder());
        }
    }

    /** The {@code NLMSGERR_ATTR_MSG} text after a capped error (header only), or null. */
    private static String extendedAck(ByteBuffer error, int flags) {
        if ((flags & Netlink.NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int tlvs = Netlink.NLMSG_HDRLEN + 4 + Netlink.NLMSG_HDRLEN;
        if (error.limit() <= tlvs) {
            return null;
        }
        String text = new Attributes(error.duplicate().position(tlvs)).string(Netlink.NLMSGERR_ATTR_MSG);
        return text == null ? null : text.strip().replaceAll("\\.$", "");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
