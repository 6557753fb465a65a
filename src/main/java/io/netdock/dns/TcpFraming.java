package io.netdock.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/** DNS over TCP (RFC 1035 §4.2.2): each message is preceded by its length as two bytes. */
final class TcpFraming {

    private TcpFraming() {
    }

    /** Sends one query on a connected socket and reads the one reply. */
    static byte[] exchange(Socket socket, byte[] query) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(query.length);
        out.write(query);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] reply = new byte[in.readUnsignedShort()];
        in.readFully(reply);
        return reply;
    }
}
