package io.netdock.kernel.linux;

import java.nio.file.Path;

/** An open descriptor of a network namespace (its bind mount or {@code /proc/…/ns/net}), for {@code setns}. */
final class NamespaceHandle implements AutoCloseable {

    private final Path path;
    private final int fd;
    private boolean closed;

    private NamespaceHandle(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    static NamespaceHandle open(Path path) {
        int fd = (int) Libc.check(Libc.open(path.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC), "open namespace " + path);
        return new NamespaceHandle(path, fd);
    }

    Path path() {
        return path;
    }

    int fd() {
        return fd;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
