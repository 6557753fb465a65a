package io.netdock.error;

/**
 * Docker's error classes (moby errdefs). The HTTP status for each lives in one place: the api layer's
 * error advice.
 */
public enum ErrorCategory {
    NOT_FOUND,
    INVALID_PARAMETER,
    CONFLICT,
    FORBIDDEN,
    UNAUTHORIZED,
    UNAVAILABLE,
    NOT_MODIFIED,
    NOT_IMPLEMENTED,
    /** Docker's unclassified errors: 500. */
    SYSTEM
}
