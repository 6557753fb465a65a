package io.netdock.kernel;

/**
 * A kernel step failed. The message names the operation and the object, e.g.
 * {@code create veth vethab12 → br-1a2b: File exists}; {@code errno} is the Linux error number, or 0.
 * {@link #of} picks the subclass that names the fact ({@link KernelObjectExists}, {@link KernelObjectNotFound},
 * {@link KernelPermissionDenied}) so callers can tell them apart without comparing numbers.
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

    /** {@code operation: strerror(errno)}, as the subclass that names the fact. */
    public static KernelException of(String operation, int errno) {
        return of(operation, errno, null);
    }

    /** Like {@link #of(String, int)}, with the kernel's own explanation (netlink extended ACK) appended. */
    public static KernelException of(String operation, int errno, String detail) {
        String message = operation + ": " + Errno.describe(errno)
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        return switch (errno) {
            case Errno.EEXIST -> new KernelObjectExists(message);
            case Errno.ENOENT, Errno.ENODEV, Errno.ESRCH, Errno.ENXIO -> new KernelObjectNotFound(message, errno);
            case Errno.EPERM, Errno.EACCES -> new KernelPermissionDenied(message, errno);
            default -> new KernelException(message, errno);
        };
    }
}
