package io.netdock.kernel;

/** The kernel has no such link, namespace, address or route ({@code ENOENT}, {@code ENODEV}, {@code ESRCH}). */
public class KernelObjectNotFound extends KernelException {

    public KernelObjectNotFound(String message, int errno) {
        super(message, errno);
    }
}
