package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The hijacked connection of {@code POST /containers/{id}/attach} (and exec start) after {@code 101 UPGRADED}.
 * What the client sends goes to {@link #whenInput} (a process's stdin) or is dropped; the stream ends (the
 * connection closes) when the container stops, the client goes away or netdock shuts down. The end of what the
 * client sends is the client leaving, unless {@link #keepOpenAfterInput} was asked for: the docker CLI always
 * closes its sending side (at the end of its stdin, or at once without one) and keeps reading the output, so a
 * client that left is then noticed when the next output cannot be written, as dockerd notices it.
 */
public class RawStreamUpgrade implements HttpUpgradeHandler {

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebConnection connection;
    private volatile Consumer<RawStreamUpgrade> onOpen = upgrade -> { };
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private volatile Input input = (data, length) -> { };
    private volatile Runnable onInputEnd = () -> { };
    private volatile boolean keepOpenAfterInput;

    /** Receives what the client sends. */
    public interface Input {
        void accept(byte[] data, int length);
    }

    public void whenInput(Input callback, Runnable atEnd) {
        this.input = callback;
        this.onInputEnd = atEnd;
    }

    public void keepOpenAfterInput() {
        this.keepOpenAfterInput = true;
    }

    /** The connection's output; null before it opened. */
    public java.io.OutputStream output() throws IOException {
        WebConnection current = connection;
        return current == null ? null : current.getOutputStream();
    }

    public void whenOpen(Consumer<RawStreamUpgrade> callback) {
        this.onOpen = callback;
    }

    /** Adds {@code callback} to what runs once the stream has ended (at once when it has). */
    public void whenClosed(Runnable callback) {
        onClose.add(callback);
        if (closed.get() && onClose.remove(callback)) {
            callback.run();
        }
    }

    /** Ends the stream when netdock shuts down, so that shutdown does not wait for the container. */
    public void endAtShutdown(OpenResponses open) {
        whenClosed(open.add(this::close)::close);
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
        if (closed.get()) {
            closeConnection();
        }
    }

    /** Ends the stream; harmless when already ended. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Runnable callback : onClose) {
            if (onClose.remove(callback)) {
                callback.run();
            }
        }
        closeConnection();
    }

    private void closeConnection() {
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

    /** Hands on whatever the client sends; EOF closes unless the output is to go on. */
    private final class Discard implements ReadListener {

        private final ServletInputStream input;
        private final byte[] buffer = new byte[4096];

        Discard(ServletInputStream input) {
            this.input = input;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (input.isReady() && !input.isFinished()) {
                int n = input.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    RawStreamUpgrade.this.input.accept(buffer, n);
                }
            }
        }

        @Override
        public void onAllDataRead() {
            onInputEnd.run();
            if (!keepOpenAfterInput) {
                close();
            }
        }

        @Override
        public void onError(Throwable failure) {
            close();
        }
    }
}
