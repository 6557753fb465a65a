package io.netdock.api;

import static org.hamcrest.Matchers.equalTo;

import io.netdock.testing.WholeApplication;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** Bodies dockerd refuses before looking at them, with its status and wording. */
class RequestBodyErrorsIT extends WholeApplication {

    @Test
    void aBodyThatIsNotJsonByContentTypeIsRefused() {
        api().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body("{\"Name\":\"rbe-1\"}").post("/networks/create").then()
                .statusCode(400)
                .body("message", equalTo("unsupported Content-Type header (text/plain): must be 'application/json'"));
        api().get("/networks/rbe-1").then().statusCode(404);
    }

    @Test
    void malformedJsonIsRefusedInGosWords() {
        api().contentType("application/json").body("{bad").post("/networks/create").then()
                .statusCode(400)
                .body("message", equalTo("invalid JSON: invalid character 'b' looking for beginning of value"));
    }
}
