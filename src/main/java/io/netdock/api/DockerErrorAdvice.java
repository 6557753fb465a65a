package io.netdock.api;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.kernel.KernelException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/** The one place that turns errors into Docker's status codes and {@code {"message": ...}} bodies. */
@RestControllerAdvice
class DockerErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(DockerErrorAdvice.class);

    static HttpStatus statusOf(ErrorCategory category) {
        return switch (category) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_PARAMETER -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case NOT_MODIFIED -> HttpStatus.NOT_MODIFIED;
            case NOT_IMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            case SYSTEM -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    @ExceptionHandler(DockerError.class)
    ResponseEntity<ErrorResponse> dockerError(DockerError error) {
        HttpStatus status = statusOf(error.category());
        if (status == HttpStatus.NOT_MODIFIED) {
            return ResponseEntity.status(status).build();
        }
        return body(status, error.getMessage());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, PageNotFound.class})
    ResponseEntity<ErrorResponse> pageNotFound(HttpServletRequest request) {
        return LackingFeatures.answer(request.getMethod(), request.getRequestURI())
                .map(lacking -> {
                    drain(request);
                    return dockerError(lacking);
                })
                .orElseGet(() -> body(HttpStatus.NOT_FOUND, "page not found"));
    }

    /**
     * Reads what the client sends before answering, as dockerd decodes a body first: an answer sent while the
     * client is still writing makes its write fail ("broken pipe") instead of showing the message.
     */
    private static void drain(HttpServletRequest request) {
        try {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException unreadable) {
            // the answer goes out anyway
        }
    }

    /** dockerd's {@code CheckForJSON}: the header as the client sent it, parsed or not. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> wrongContentType(HttpMediaTypeNotSupportedException error,
                                                   HttpServletRequest request) {
        String sent = request.getHeader("Content-Type");
        if (error.getContentType() == null) {
            return body(HttpStatus.BAD_REQUEST, "malformed Content-Type header (" + sent + "): "
                    + MediaTypeSyntax.goReason(sent));
        }
        return body(HttpStatus.BAD_REQUEST,
                "unsupported Content-Type header (" + sent + "): must be 'application/json'");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadableBody(HttpMessageNotReadableException error) {
        return body(HttpStatus.BAD_REQUEST, JsonErrorMessages.describe(error));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> badQueryValue(MethodArgumentTypeMismatchException error) {
        return body(HttpStatus.BAD_REQUEST,
                "invalid value for " + error.getName() + ": " + error.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponse> missingQueryValue(MissingServletRequestParameterException error) {
        return body(HttpStatus.BAD_REQUEST, "missing parameter " + error.getParameterName());
    }

    /**
     * A failure no route turned into a Docker error. A kernel failure says what failed in the kernel's terms
     * ({@code create veth veth1a2b3c4 → br-0123456789ab: File exists}); anything else stays in the log: its message
     * may be SQL, Java class names or other internals no client should see.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception error) {
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            // The client hung up while its answer was being written (a broken pipe): nobody to answer, nothing wrong
            log.debug("client went away before its response was written: {}", error.toString());
            return null;
        }
        log.error("unexpected error", error);
        String message = error instanceof KernelException && error.getMessage() != null ? error.getMessage()
                : "internal error in netdock (its log has the details)";
        return body(HttpStatus.INTERNAL_SERVER_ERROR, message);
    }

    private static ResponseEntity<ErrorResponse> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
    }
}
