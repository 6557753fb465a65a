package io.netdock.network.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.api.RequestedVersion;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import io.netdock.go.Strconv;
import io.netdock.go.Unparsable;
import io.netdock.network.Network;
import io.netdock.network.NetworkNotFound;
import io.netdock.network.NetworkService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /networks}: list, inspect, create, delete and prune, in Docker's wire format. */
@RestController
class NetworksController {

    private final NetworkService networks;
    private final NetworkListDocuments listDocuments;

    NetworksController(NetworkService networks, NetworkListDocuments listDocuments) {
        this.networks = networks;
        this.listDocuments = listDocuments;
    }

    /**
     * Docker serves the list with and without a trailing slash. Before API 1.28 items list their containers. The
     * body is written here, not by a message converter: it is JSON already (see {@link NetworkListDocuments}).
     */
    @GetMapping({"/networks", "/networks/"})
    void list(@RequestParam(required = false) String filters, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        ApiVersion version = RequestedVersion.of(request);
        List<Network> listed = networks.list(Filters.parse(filters));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (version.below("1.28")) {
            byte[] body = listDocuments.write(listed.stream()
                    .map(n -> NetworkResource.of(n, networks.usersOf(n.id()), version)).toList());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        listDocuments.writeList(listed, version, response::setContentLength, response.getOutputStream());
    }

    /** Docker's route takes everything after {@code /networks/} as the ID: {@code bridge/} looks for "bridge/". */
    @GetMapping("/networks/{id}/")
    NetworkResource inspectWithSlash(@PathVariable String id, @RequestParam(required = false) String verbose,
                                     @RequestParam(required = false) String scope, HttpServletRequest request) {
        return inspect(id + "/", verbose, scope, request);
    }

    @GetMapping("/networks/{id}")
    NetworkResource inspect(@PathVariable String id, @RequestParam(required = false) String verbose,
                            @RequestParam(required = false) String scope, HttpServletRequest request) {
        if (verbose != null && !verbose.isEmpty()) {
            try {
                Strconv.parseBool(verbose);
            } catch (Unparsable notABool) {
                throw DockerError.invalidParameter("invalid value for verbose: " + verbose + ": "
                        + notABool.getMessage());
            }
        }
        Network network = networks.get(id);
        if (scope != null && !scope.isEmpty() && !scope.equals(network.scope())) {
            throw new NetworkNotFound(id);
        }
        return NetworkResource.of(network, networks.usersOf(network.id()), RequestedVersion.of(request));
    }

    @PostMapping("/networks/create")
    ResponseEntity<DockerDocument> create(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        Network network = networks.create(NetworkCreateReader.read(body, RequestedVersion.of(request).atLeast("1.48")));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DockerDocument.object().field("Id", network.id()).field("Warning", ""));
    }

    @DeleteMapping("/networks/{id}/")
    ResponseEntity<Void> deleteWithSlash(@PathVariable String id) {
        return delete(id + "/");
    }

    @DeleteMapping("/networks/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        networks.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/networks/prune")
    DockerDocument prune(@RequestParam(required = false) String filters) {
        List<String> deleted = networks.prune(Filters.parse(filters)).stream().map(Network::name).toList();
        // {"NetworksDeleted":null} when nothing was deleted, as dockerd answers
        return DockerDocument.object().field("NetworksDeleted", deleted.isEmpty() ? null : deleted);
    }
}
