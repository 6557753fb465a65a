package io.netdock.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The servlet error page: Docker's body for whatever status the container reports. */
class DockerErrorControllerTest {

    private final DockerErrorController controller = new DockerErrorController();

    @Test
    void anUnknownPageIsDockersPageNotFound() {
        assertThat(error(404, null)).isEqualTo(ResponseEntity.status(404).body(new ErrorResponse("page not found")));
    }

    @Test
    void clientErrorsUseTheReasonPhrase() {
        assertThat(error(413, null).getBody()).isEqualTo(new ErrorResponse("Content Too Large"));
        assertThat(error(431, null).getBody()).isEqualTo(new ErrorResponse("Request Header Fields Too Large"));
    }

    @Test
    void aStatusSpringDoesNotKnowStillGetsADockerBody() {
        ResponseEntity<ErrorResponse> response = error(499, null);
        assertThat(response.getStatusCode().value()).isEqualTo(499);
        assertThat(response.getBody()).isEqualTo(new ErrorResponse("error 499"));
    }

    @Test
    void serverErrorsCarryTheFailureMessageNotItsClass() {
        assertThat(error(500, new IllegalStateException("database is gone")).getBody())
                .isEqualTo(new ErrorResponse("database is gone"));
    }

    private ResponseEntity<ErrorResponse> error(int status, Throwable exception) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        if (exception != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        ResponseEntity<ErrorResponse> response = controller.error(request);
        return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
    }
}
