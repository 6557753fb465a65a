package io.netdock.kernel.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A netlink socket ({@code NETLINK_ROUTE} or {@code NETLINK_NETFILTER}), bound to the network namespace of the
 * thread that opened it for its whole life; once open it may be used from any thread (calls are serialised).
 * Every request asks for an ACK; an {@code NLMSG_ERROR} becomes a {@link KernelException} naming the operation,
 * with the kernel's extended-ACK text when it gives one. The kernel handles a request inside the {@code sendto}
 * that carries it, so several requests sent in one datagram cost one system call and their answers are all
 * waiting once it returns. Buffers are allocated once and reused.
 */
final class NetlinkSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int SOCKADDR_NL = 12;
    /** Room one queued ACK takes in the socket's receive buffer (its skb's truesize), rounded up. */
    private static final int ACK_ROOM = 1024;
    /** What the kernel gives a socket by default ({@code net.core.rmem_default} is usually 208 KiB). */
    private static final int DEFAULT_RECEIVE_ROOM = 128 * 1024;

    private final int fd;
    private final Memory kernelAddress = new Memory(SOCKADDR_NL);
    private final Memory receive = new Memory(RECEIVE_BUFFER);
    private final Memory iovec = new Memory(16);
    private final Memory msghdr = new Memory(56);
    private Memory send = new Memory(4096);
    private int receiveRoom = DEFAULT_RECEIVE_ROOM;
    private int sequence;
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
        kernelAddress.clear();
        kernelAddress.setShort(0, (short) Libc.AF_NETLINK);
        iovec.setPointer(0, receive);
        iovec.setLong(8, RECEIVE_BUFFER);
        msghdr.clear();
        msghdr.setPointer(16, iovec);
        msghdr.setLong(24, 1);
    }

    /** Opens a {@code NETLINK_ROUTE} socket in the calling thread's network namespace. */
    static NetlinkSocket route() {
        return open(Netlink.NETLINK_ROUTE, "rtnetlink");
    }

    /** Opens a {@code NETLINK_NETFILTER} socket in the calling thread's network namespace. */
    static NetlinkSocket netfilter() {
        return open(Netlink.NETLINK_NETFILTER, "nfnetlink");
    }

    private static NetlinkSocket open(int protocol, String what) {
        int fd = (int) Libc.check(Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, protocol),
                "open " + what + " socket");
        try {
            int[] on = {1};
            Libc.check(Libc.setsockopt(fd, Libc.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, on, 4), "enable extended ACK");
            Libc.check(Libc.setsockopt(fd, Libc.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, on, 4), "enable capped ACK");
            Memory local = new Memory(SOCKADDR_NL);
            local.clear();
            local.setShort(0, (short) Libc.AF_NETLINK);
            Libc.check(Libc.bind(fd, local, SOCKADDR_NL), "bind " + what + " socket");
            return new NetlinkSocket(fd);
        } catch (RuntimeException failure) {
            Libc.close(fd);
            throw failure;
        }
    }

    /** Joins a multicast group: the kernel's notifications to it queue up on this socket ({@link #drain}). */
    void subscribe(int group) {
        Libc.check(Libc.setsockopt(fd, Libc.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, new int[] {group}, 4),
                "join netlink group " + group);
    }

    /** Sends a request (ACK requested) and returns the kernel's reply messages, if any, once it has ACKed. */
    synchronized List<ByteBuffer> request(NetlinkMessage message, String operation) {
        return exchange(message, operation, false);
    }

    /** Sends a dump request and returns every message of the multipart answer. */
    synchronized List<ByteBuffer> dump(NetlinkMessage message, String operation) {
        return exchange(message, operation, true);
    }

    /**
     * Sends several requests in one datagram; the kernel handles them in order, each even if an earlier one
     * failed. Returns, in order, each request's failure or null where the kernel ACKed it.
     */
    synchronized List<KernelException> requestAll(List<NetlinkMessage> messages, List<String> operations) {
        checkOpen(operations.get(0));
        makeRoomForAnswers(messages.size(), operations.get(0));
        int first = sequence + 1;
        sendDatagram(messages, operations.get(0));
        KernelException[] failures = new KernelException[messages.size()];
        boolean[] answered = new boolean[messages.size()];
        int open = messages.size();
        while (open > 0) {
            ByteBuffer datagram = receive(operations.get(0), 0);
            for (ByteBuffer message : split(datagram, operations.get(0))) {
                int index = message.getInt(8) - first;
                if (index < 0 || index >= messages.size() || answered[index] || type(message) != Netlink.NLMSG_ERROR) {
                    continue; // an echo, or a late answer to an earlier request that failed half-way
                }
                answered[index] = true;
                open--;
                failures[index] = failure(message, operations.get(index));
            }
        }
        return Arrays.asList(failures);
    }

    /**
     * An nfnetlink transaction: the messages (batch begin, requests, batch end) in one datagram. The kernel
     * commits or aborts the whole batch inside the {@code sendto}, so every answer is already queued when it
     * returns; they are read without blocking. Throws the first error; returns normally only if every request
     * that asked for an ACK was ACKed.
     */
    synchronized void transact(List<NetlinkMessage> messages, String operation) {
        checkOpen(operation);
        makeRoomForAnswers(messages.size(), operation);
        int first = sequence + 1;
        sendDatagram(messages, operation);
        Map<Integer, Boolean> acked = new HashMap<>();
        KernelException failed = null;
        for (ByteBuffer datagram = receive(operation, Libc.MSG_DONTWAIT); datagram != null;
             datagram = receive(operation, Libc.MSG_DONTWAIT)) {
            for (ByteBuffer message : split(datagram, operation)) {
                int seq = message.getInt(8);
                if (seq < first || seq >= first + messages.size() || type(message) != Netlink.NLMSG_ERROR) {
                    continue;
                }
                KernelException failure = failure(message, operation);
                acked.put(seq, failure == null);
                if (failure != null && failed == null) {
                    failed = failure;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        for (int i = 0; i < messages.size(); i++) {
            boolean wantsAck = (messages.get(i).flags() & Netlink.NLM_F_ACK) != 0;
            if (wantsAck && !Boolean.TRUE.equals(acked.get(first + i))) {
                throw new KernelException(operation + ": no answer from the kernel", Errno.EIO);
            }
        }
    }

    /** Every message waiting on the socket (notifications of a joined group), read without blocking. */
    synchronized Drained drain(String operation) {
        checkOpen(operation);
        List<ByteBuffer> messages = new ArrayList<>();
        boolean overflowed = false;
        while (true) {
            ByteBuffer datagram;
            try {
                datagram = receive(operation, Libc.MSG_DONTWAIT);
            } catch (KernelException lost) {
                if (lost.errno() != Errno.ENOBUFS) {
                    throw lost;
                }
                overflowed = true; // the kernel dropped notifications: the caller must re-read the state
                continue;
            }
            if (datagram == null) {
                return new Drained(messages, overflowed);
            }
            messages.addAll(split(datagram, operation));
        }
    }

    /** Notifications read by {@link #drain}; {@code overflowed} if the kernel had to drop some. */
    record Drained(List<ByteBuffer> messages, boolean overflowed) {
    }

    private List<ByteBuffer> exchange(NetlinkMessage message, String operation, boolean dump) {
        checkOpen(operation);
        int seq = sequence + 1;
        sendDatagram(List.of(message), operation);
        List<ByteBuffer> replies = new ArrayList<>();
        while (true) {
            for (ByteBuffer whole : split(receive(operation, 0), operation)) {
                if (whole.getInt(8) != seq) {
                    continue; // a late answer to an earlier request that failed half-way
                }
                int type = type(whole);
                int flags = Short.toUnsignedInt(whole.getShort(6));
                if (type == Netlink.NLMSG_ERROR) {
                    KernelException failure = failure(whole, operation);
                    if (failure != null) {
                        throw failure;
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
                replies.add(whole);
                if (dump && (flags & Netlink.NLM_F_MULTI) == 0) {
                    return replies;
                }
            }
        }
    }

    /**
     * The answers to a batch all queue up before they are read; if they would not fit in the receive buffer the
     * kernel would drop them ({@code ENOBUFS}). Grows it first, as nft does for big transactions.
     */
    private void makeRoomForAnswers(int answers, String operation) {
        int room = answers * ACK_ROOM;
        if (room > receiveRoom) {
            Libc.check(Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, new int[] {room}, 4),
                    operation + ": grow the netlink receive buffer to " + room + " bytes");
            receiveRoom = room;
        }
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new KernelException(operation + ": the namespace's netlink socket is closed", Errno.EBADF);
        }
    }

    private void sendDatagram(List<NetlinkMessage> messages, String operation) {
        List<byte[]> encoded = new ArrayList<>(messages.size());
        int length = 0;
        for (NetlinkMessage message : messages) {
            byte[] bytes = message.encode(++sequence);
            encoded.add(bytes);
            length += bytes.length;
        }
        if (send.size() < length) {
            send = new Memory(Math.max(length, send.size() * 2));
        }
        int offset = 0;
        for (byte[] bytes : encoded) {
            send.write(offset, bytes, 0, bytes.length);
            offset += bytes.length;
        }
        boolean grown = false;
        while (Libc.sendto(fd, send, length, 0, kernelAddress, SOCKADDR_NL) < 0) {
            int errno = Native.getLastError();
            if (errno == Errno.EMSGSIZE && !grown) {
                // a batch must travel in one datagram, which may not exceed the send buffer: grow it, as nft does
                Libc.check(Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_SNDBUFFORCE, new int[] {length}, 4),
                        operation + ": grow the netlink send buffer to " + length + " bytes");
                grown = true;
            } else if (errno != Errno.EINTR) {
                throw KernelException.of(operation, errno);
            }
        }
    }

    /** One datagram, or null if {@code MSG_DONTWAIT} found nothing waiting. */
    private ByteBuffer receive(String operation, int flags) {
        while (true) {
            msghdr.setInt(48, 0);
            long received = Libc.recvmsg(fd, msghdr, flags);
            if (received < 0) {
                int errno = Native.getLastError();
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN && (flags & Libc.MSG_DONTWAIT) != 0) {
                    return null;
                }
                throw KernelException.of(operation, errno);
            }
            if ((msghdr.getInt(48) & Libc.MSG_TRUNC) != 0) {
                throw new KernelException(operation + ": netlink reply larger than " + RECEIVE_BUFFER + " bytes",
                        Errno.ENOBUFS);
            }
            return receive.getByteBuffer(0, received).order(ByteOrder.nativeOrder());
        }
    }

    /** The messages of a datagram, each copied into a buffer of its own. */
    private static List<ByteBuffer> split(ByteBuffer datagram, String operation) {
        List<ByteBuffer> messages = new ArrayList<>();
        while (datagram.remaining() >= Netlink.NLMSG_HDRLEN) {
            int start = datagram.position();
            int length = datagram.getInt(start);
            if (length < Netlink.NLMSG_HDRLEN || start + length > datagram.limit()) {
                throw new KernelException(operation + ": malformed netlink reply", Errno.EIO);
            }
            ByteBuffer copy = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
            copy.put(datagram.duplicate().position(start).limit(start + length)).flip();
            messages.add(copy);
            datagram.position(Math.min(datagram.limit(), start + NetlinkMessage.align(length)));
        }
        return messages;
    }

    static int type(ByteBuffer message) {
        return Short.toUnsignedInt(message.getShort(4));
    }

    /** The failure an {@code NLMSG_ERROR} reports, or null for an ACK. */
    private static KernelException failure(ByteBuffer error, String operation) {
        int errno = error.getInt(Netlink.NLMSG_HDRLEN);
        if (errno == 0) {
            return null;
        }
        int flags = Short.toUnsignedInt(error.getShort(6));
        return KernelException.of(operation, -errno, extendedAck(error, flags));
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
