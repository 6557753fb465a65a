package io.netdock.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (errors raised outside Spring MVC, e.g. by Jetty for an oversized
 * request): still Docker's body, never Spring's default error JSON.
 */
@RestController
class DockerErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        HttpStatus known = HttpStatus.resolve(status);
        String message = status == 404 ? "page not found" : known != null ? known.getReasonPhrase() : "error " + status;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && exception instanceof Throwable t && t.getMessage() != null) {
            message = t.getMessage();
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
    }
}
