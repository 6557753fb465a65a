package io.netdock.kernel.spi;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Opens sockets in the namespace of the calling thread: in linux mode on the namespace thread, which has entered
 * the namespace they must belong to. Failures are kernel failures naming the operation.
 */
public final class Sockets {

    private Sockets() {
    }

    /** @param address where to bind it, or null to leave it unbound (IPv4 and IPv6) */
    public static DatagramChannel datagram(InetSocketAddress address) {
        if (address == null) {
            try {
                return DatagramChannel.open();
            } catch (IOException e) {
                throw failure("open udp socket", e);
            }
        }
        String operation = "open udp socket on " + text(address);
        try {
            return bind(DatagramChannel.open(family(address)), address, operation);
        } catch (IOException e) {
            throw failure(operation, e);
        }
    }

    public static ServerSocketChannel server(InetSocketAddress address) {
        String operation = "open tcp socket on " + text(address);
        try {
            return bind(ServerSocketChannel.open(family(address)), address, operation);
        } catch (IOException e) {
            throw failure(operation, e);
        }
    }

    public static SocketChannel stream() {
        try {
            return SocketChannel.open();
        } catch (IOException e) {
            throw failure("open tcp socket", e);
        }
    }

    private static <C extends NetworkChannel> C bind(C channel, InetSocketAddress address, String operation) {
        try {
            channel.bind(address);
            return channel;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw failure(operation, e);
        }
    }

    private static ProtocolFamily family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static KernelException failure(String operation, IOException e) {
        int errno = e instanceof BindException ? (e.getMessage() != null
                && e.getMessage().contains("assign") ? Errno.EADDRNOTAVAIL : Errno.EADDRINUSE) : Errno.EIO;
        return new KernelException(operation + ": " + e.getMessage(), errno, e);
    }
}
