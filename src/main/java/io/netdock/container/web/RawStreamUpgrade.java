package io.netdock.container.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The hijacked connection of {@code POST /containers/{id}/attach} after {@code 101 UPGRADED}. A process-less
 * container writes nothing; the stream ends (the connection closes) when the container stops or the client
 * goes away.
 */
public class RawStreamUpgrade implements HttpUpgradeHandler {

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebConnection connection;
    private volatile Consumer<RawStreamUpgrade> onOpen = upgrade -> { };
    private volatile Runnable onClose = () -> { };

    void whenOpen(Consumer<RawStreamUpgrade> callback) {
        this.onOpen = callback;
    }

    void whenClosed(Runnable callback) {
        this.onClose = callback;
    }

    @Override
    public void init(WebConnection webConnection) {
        this.connection = webConnection;
        try {
            webConnection.getOutputStream().flush();
            ServletInputStream input = webConnection.getInputStream();
            input.setReadListener(new Discard(input));
        } catch (IOException gone) {
            close();
            return;
        }
        onOpen.accept(this);
    }

    /** Ends the stream; harmless when already ended. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.run();
        WebConnection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (Exception alreadyGone) {
                // the client closed first
            }
        }
    }

    @Override
    public void destroy() {
        close();
    }

    /** Reads and drops whatever the client sends (stdin of a container without a process); EOF closes. */
    private final class Discard implements ReadListener {

        private final ServletInputStream input;
        private final byte[] buffer = new byte[4096];

        Discard(ServletInputStream input) {
            this.input = input;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (input.isReady() && !input.isFinished()) {
                if (input.read(buffer) < 0) {
                    break;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            close();
        }

        @Override
        public void onError(Throwable failure) {
            close();
        }
    }
}
