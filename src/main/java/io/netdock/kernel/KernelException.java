package io.netdock.kernel;

/**
 * A kernel step failed. The message names the operation and the object, e.g.
 * {@code create veth vethab12 → br-1a2b: File exists}; {@code errno} is the Linux error number, or 0.
 */
public class KernelException extends RuntimeException {

    private final int errno;

    public KernelException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public KernelException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
