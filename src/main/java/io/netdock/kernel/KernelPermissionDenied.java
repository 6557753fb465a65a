package io.netdock.kernel;

/** The process may not do this ({@code EPERM}, {@code EACCES}): it lacks a capability. */
public class KernelPermissionDenied extends KernelException {

    public KernelPermissionDenied(String message, int errno) {
        super(message, errno);
    }
}
