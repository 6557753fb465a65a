package io.netdock.kernel;

/**
 * The Linux error numbers netdock meets, with glibc's {@code strerror} text, so both kernel implementations
 * word failures identically. Values from {@code asm-generic/errno-base.h} and {@code asm-generic/errno.h}.
 */
public final class Errno {

    public static final int EPERM = 1;            // errno-base.h
    public static final int ENOENT = 2;           // errno-base.h
    public static final int ESRCH = 3;            // errno-base.h
    public static final int EINTR = 4;            // errno-base.h
    public static final int EIO = 5;              // errno-base.h
    public static final int ENXIO = 6;            // errno-base.h
    public static final int EBADF = 9;            // errno-base.h
    public static final int EAGAIN = 11;          // errno-base.h
    public static final int ENOMEM = 12;          // errno-base.h
    public static final int EACCES = 13;          // errno-base.h
    public static final int EBUSY = 16;           // errno-base.h
    public static final int EEXIST = 17;          // errno-base.h
    public static final int ENODEV = 19;          // errno-base.h
    public static final int ENOTDIR = 20;         // errno-base.h
    public static final int EINVAL = 22;          // errno-base.h
    public static final int ENOSPC = 28;          // errno-base.h
    public static final int ERANGE = 34;          // errno-base.h
    public static final int ENAMETOOLONG = 36;    // errno.h
    public static final int EMSGSIZE = 90;        // errno.h
    public static final int EPROTONOSUPPORT = 93; // errno.h
    public static final int EOPNOTSUPP = 95;      // errno.h
    public static final int EAFNOSUPPORT = 97;    // errno.h
    public static final int EADDRINUSE = 98;      // errno.h
    public static final int EADDRNOTAVAIL = 99;   // errno.h
    public static final int ENETDOWN = 100;       // errno.h
    public static final int ENETUNREACH = 101;    // errno.h
    public static final int ENOBUFS = 105;        // errno.h
    public static final int EHOSTUNREACH = 113;   // errno.h

    private Errno() {
    }

    public static String describe(int errno) {
        return switch (errno) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case ESRCH -> "No such process";
            case EINTR -> "Interrupted system call";
            case EIO -> "Input/output error";
            case ENXIO -> "No such device or address";
            case EBADF -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case EBUSY -> "Device or resource busy";
            case EEXIST -> "File exists";
            case ENODEV -> "No such device";
            case ENOTDIR -> "Not a directory";
            case EINVAL -> "Invalid argument";
            case ENOSPC -> "No space left on device";
            case ERANGE -> "Numerical result out of range";
            case ENAMETOOLONG -> "File name too long";
            case EMSGSIZE -> "Message too long";
            case EPROTONOSUPPORT -> "Protocol not supported";
            case EOPNOTSUPP -> "Operation not supported";
            case EAFNOSUPPORT -> "Address family not supported by protocol";
            case EADDRINUSE -> "Address already in use";
            case EADDRNOTAVAIL -> "Cannot assign requested address";
            case ENETDOWN -> "Network is down";
            case ENETUNREACH -> "Network is unreachable";
            case ENOBUFS -> "No buffer space available";
            case EHOSTUNREACH -> "No route to host";
            default -> "errno " + errno;
        };
    }
}
