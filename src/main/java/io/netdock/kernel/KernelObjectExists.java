package io.netdock.kernel;

/** The kernel already has an object by that name or address ({@code EEXIST}). */
public class KernelObjectExists extends KernelException {

    public KernelObjectExists(String message) {
        super(message, Errno.EEXIST);
    }
}
