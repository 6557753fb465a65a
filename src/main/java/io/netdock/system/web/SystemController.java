package io.netdock.system.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.api.RequestedVersion;
import io.netdock.api.ServerIdentity;
import io.netdock.system.Daemon;
import io.netdock.system.HostFacts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /version} and {@code /info}, shaped like dockerd's ({@code /_ping} is the {@link PingHandler}'s). */
@RestController
class SystemController {

    private final Daemon daemon;
    private final ServerIdentity identity;
    private final InfoDocument info;
    private final String buildTime;

    SystemController(Daemon daemon, ServerIdentity identity, InfoDocument info,
                     ObjectProvider<BuildProperties> build) {
        this.daemon = daemon;
        this.identity = identity;
        this.info = info;
        BuildProperties properties = build.getIfAvailable();
        Instant time = properties != null && properties.getTime() != null ? properties.getTime() : daemon.startedAt();
        this.buildTime = time.toString();
    }

    @GetMapping("/version")
    /** Docker's {@code types.Version}; a component's {@code Details} is a Go map (keys sorted). */
    DockerDocument version() {
        HostFacts host = daemon.host();
        String go = "java" + Runtime.version().feature() + "." + Runtime.version().interim() + "."
                + Runtime.version().update();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ApiVersion", ApiVersion.MAX.text());
        details.put("Arch", host.goArch());
        details.put("BuildTime", buildTime);
        details.put("Experimental", "false");
        details.put("GitCommit", "netdock");
        details.put("GoVersion", go);
        details.put("KernelVersion", host.kernelVersion());
        details.put("MinAPIVersion", ApiVersion.MIN.text());
        details.put("Os", "linux");
        return DockerDocument.object()
                .field("Platform", DockerDocument.object().field("Name", "netdock"))
                .field("Components", List.of(DockerDocument.object()
                        .field("Name", "Engine")
                        .field("Version", identity.version())
                        .field("Details", details)))
                .field("Version", identity.version())
                .field("ApiVersion", ApiVersion.MAX.text())
                .field("MinAPIVersion", ApiVersion.MIN.text())
                .field("GitCommit", "netdock")
                .field("GoVersion", go)
                .field("Os", "linux")
                .field("Arch", host.goArch())
                .field("KernelVersion", host.kernelVersion())
                .field("BuildTime", buildTime);
    }

    @GetMapping("/info")
    DockerDocument info(HttpServletRequest request) {
        return info.render(RequestedVersion.of(request));
    }
}
