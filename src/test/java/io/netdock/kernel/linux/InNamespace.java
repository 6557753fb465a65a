package io.netdock.kernel.linux;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Test helper: runs work on a new platform thread that first enters a network namespace, so sockets it opens
 * live there (a socket keeps the namespace it was created in). The thread ends with the work.
 */
public final class InNamespace {

    private InNamespace() {
    }

    public static <T> T call(Path namespace, Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (NamespaceHandle handle = NamespaceHandle.open(namespace)) {
                Libc.check(Libc.setns(handle.fd(), Libc.CLONE_NEWNET), "enter " + namespace);
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "test-in-" + namespace.getFileName());
        thread.start();
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }

}
