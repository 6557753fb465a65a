package io.netdock.api;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import io.netdock.go.Strconv;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of Docker's API (engine API v1.56) that netdock has no handler for, with the answer dockerd gives
 * for a feature it lacks: 501 naming the reason, or what an engine without any such object answers (no such
 * volume, no such plugin). A path Docker does not have stays "page not found". A feature netdock later serves
 * has its own handler, which Spring finds before this table is ever read.
 */
final class LackingFeatures {

    static final String NO_WEBSOCKET = "netdock does not attach over WebSocket: use POST /containers/{id}/attach "
            + "(docker attach does)";
    static final String NO_FILE_SYSTEM = "netdock's containers have no file system: only /etc/hosts, "
            + "/etc/resolv.conf and /etc/hostname exist, and docker cp reads them";
    static final String NO_IMAGE_STORE = "netdock's images are emulated: any well-formed name is pulled or used "
            + "without a registry, and has no layers to build, commit, tag, push, save, load or search";
    static final String NO_REGISTRY = "netdock talks to no registry: pulls are emulated, so there is nothing to "
            + "log in to";
    static final String NO_BUILDER = "netdock has no builder: its images are emulated (build with Docker or "
            + "BuildKit, then use the image's name with netdock)";
    static final String NO_VOLUMES = "netdock has no volumes: its containers have no file systems";
    static final String NO_PLUGINS = "netdock has no managed plugins: its network driver (bridge), IPAM and DNS "
            + "are built in";
    static final String NO_UPDATE = "netdock cannot update a container after it is created: remove it and "
            + "create it again with the new settings";

    private record Route(String method, Pattern path, Function<Matcher, DockerError> answer) {
    }

    private static final String ID = "([^/]+)";
    private static final String NAME = "(.+)";

    private static final List<Route> ROUTES = List.of(
            lacking("GET", "/containers/" + ID + "/attach/ws", NO_WEBSOCKET),
            lacking("GET", "/containers/" + ID + "/(changes|export)", NO_FILE_SYSTEM),
            lacking("PUT", "/containers/" + ID + "/archive", NO_FILE_SYSTEM),
            lacking("POST", "/containers/" + ID + "/update", NO_UPDATE),
            lacking("POST", "/commit", NO_IMAGE_STORE),
            lacking("GET", "/images/" + NAME + "/(history|get|attestations)", NO_IMAGE_STORE),
            lacking("POST", "/images/" + NAME + "/(push|tag)", NO_IMAGE_STORE),
            lacking("GET", "/images/(search|get)", NO_IMAGE_STORE),
            lacking("POST", "/images/load", NO_IMAGE_STORE),
            lacking("GET", "/distribution/" + NAME + "/json", NO_IMAGE_STORE),
            lacking("POST", "/auth", NO_REGISTRY),
            lacking("POST", "/build", NO_BUILDER),
            lacking("POST", "/session", NO_BUILDER),
            lacking("POST", "/volumes/create", NO_VOLUMES),
            new Route("DELETE", Pattern.compile("/volumes/" + NAME),
                    path -> DockerError.notFound("get " + decoded(path.group(1)) + ": no such volume")),
            new Route("PUT", Pattern.compile("/volumes/" + NAME), path -> DockerError.unavailable(
                    "volume update only valid for cluster volumes, but swarm is not enabled")),
            lacking("GET", "/plugins/privileges", NO_PLUGINS),
            lacking("POST", "/plugins/(pull|create)", NO_PLUGINS),
            new Route("GET", Pattern.compile("/plugins/" + NAME + "/json"), LackingFeatures::noSuchPlugin),
            new Route("DELETE", Pattern.compile("/plugins/" + NAME), LackingFeatures::noSuchPlugin),
            new Route("POST", Pattern.compile("/plugins/" + NAME + "/(?:enable|disable|upgrade|push|set)"),
                    LackingFeatures::noSuchPlugin));

    private LackingFeatures() {
    }

    /** Docker's answer for {@code method path} (without a version prefix), when Docker has that route. */
    static Optional<DockerError> answer(String method, String path) {
        for (Route route : ROUTES) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                return Optional.of(route.answer().apply(matcher));
            }
        }
        return Optional.empty();
    }

    private static Route lacking(String method, String path, String reason) {
        return new Route(method, Pattern.compile(path), matched -> new DockerError(ErrorCategory.NOT_IMPLEMENTED,
                reason + " (" + method + " " + matched.group(0) + " is not supported)"));
    }

    private static DockerError noSuchPlugin(Matcher path) {
        return DockerError.notFound("plugin " + Strconv.quote(decoded(path.group(1))) + " not found");
    }

    private static String decoded(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
