package io.netdock.kernel.linux;

import io.netdock.kernel.Errno;
import io.netdock.kernel.KernelException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one platform thread that changes network namespace. {@code setns} moves only the calling thread, so it
 * must never run on a pooled request thread or a virtual thread (whose carrier is shared). Work that must happen
 * inside a namespace (opening its rtnetlink socket, sysctls, libnftables) is handed to this thread, which
 * enters the namespace first and stays there until the next task needs another one.
 */
final class NamespaceThread implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "netdock-netns");
        thread.setDaemon(true);
        return thread;
    });
    /** Only touched on the thread. */
    private NamespaceHandle current;
    /** Where the thread goes when it leaves a namespace that is being closed; null = stay. */
    private volatile NamespaceHandle home;

    /** Runs {@code work} on the thread, inside {@code namespace}. */
    <T> T in(NamespaceHandle namespace, Callable<T> work) {
        return call(() -> {
            enter(namespace);
            return work.call();
        });
    }

    /**
     * {@code ip netns add}: a new network namespace, bind-mounted on {@code mountPoint} (an existing empty file)
     * so it outlives the process. Runs {@code inside} in it before returning its handle.
     */
    <T> T create(Path mountPoint, java.util.function.Function<NamespaceHandle, T> inside) {
        return call(() -> {
            Libc.check(Libc.unshare(Libc.CLONE_NEWNET), "create namespace " + mountPoint);
            current = null;
            Libc.check(Libc.mount("/proc/thread-self/ns/net", mountPoint.toString(), "none", Libc.MS_BIND, null),
                    "mount namespace on " + mountPoint);
            NamespaceHandle created = NamespaceHandle.open(mountPoint);
            current = created;
            return inside.apply(created);
        });
    }

    private void enter(NamespaceHandle namespace) {
        if (current != namespace) {
            Libc.check(Libc.setns(namespace.fd(), Libc.CLONE_NEWNET), "enter namespace " + namespace.path());
            current = namespace;
        }
    }

    private <T> T call(Callable<T> task) {
        Future<T> result = executor.submit(task);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted waiting for the namespace thread", Errno.EINTR, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new KernelException("namespace thread: " + e.getCause(), Errno.EIO, e.getCause());
        }
    }

    /** The namespace to return to when leaving one that is being closed (the host's). */
    void home(NamespaceHandle namespace) {
        this.home = namespace;
    }

    /**
     * Forgets a handle about to be closed, so the thread never compares against a reused descriptor, and leaves
     * that namespace: a thread inside a namespace keeps it alive.
     */
    void forget(NamespaceHandle namespace) {
        call(() -> {
            if (current == namespace) {
                current = null;
                if (home != null && home != namespace) {
                    enter(home);
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
