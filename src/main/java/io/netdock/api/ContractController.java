package io.netdock.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves netdock's OpenAPI contract (openapi/netdock.yaml) for Swagger UI and for clients. */
@RestController
class ContractController {

    private static final Resource CONTRACT = new ClassPathResource("openapi/netdock.yaml");

    @GetMapping("/netdock/openapi.yaml")
    ResponseEntity<Resource> contract() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(CONTRACT);
    }
}
