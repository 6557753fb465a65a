package io.netdock.error;

/**
 * An error a Docker client sees as {@code {"message": ...}}. Domain code throws subclasses named as facts
 * ({@code NetworkNotFound}, {@code AddressInUse}); the message is Docker's exact wording.
 */
public class DockerError extends RuntimeException {

    private final ErrorCategory category;

    public DockerError(ErrorCategory category, String message) {
        super(message, null, false, false);
        this.category = category;
    }

    public DockerError(ErrorCategory category, String message, Throwable cause) {
        super(message, cause, false, false);
        this.category = category;
    }

    public ErrorCategory category() {
        return category;
    }

    public static DockerError notFound(String message) {
        return new DockerError(ErrorCategory.NOT_FOUND, message);
    }

    public static DockerError invalidParameter(String message) {
        return new DockerError(ErrorCategory.INVALID_PARAMETER, message);
    }

    public static DockerError conflict(String message) {
        return new DockerError(ErrorCategory.CONFLICT, message);
    }

    public static DockerError forbidden(String message) {
        return new DockerError(ErrorCategory.FORBIDDEN, message);
    }

    public static DockerError unavailable(String message) {
        return new DockerError(ErrorCategory.UNAVAILABLE, message);
    }

    public static DockerError system(String message) {
        return new DockerError(ErrorCategory.SYSTEM, message);
    }
}
