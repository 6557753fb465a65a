package io.netdock.container.web;

import io.netdock.archive.ContainerArchive;
import io.netdock.archive.PathStat;
import io.netdock.archive.TarEntry;
import io.netdock.container.Container;
import io.netdock.container.ContainerEvents;
import io.netdock.container.ContainerFiles;
import io.netdock.container.ContainerService;
import io.netdock.error.DockerError;
import io.netdock.go.FilePath;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|HEAD /containers/{id}/archive?path=}: the daemon-generated {@code /etc/hosts}, {@code /etc/resolv.conf}
 * and {@code /etc/hostname} (and {@code /etc} holding them) as Docker's tar stream with the path-stat header, so
 * {@code docker cp c:/etc/hosts -} works. A container has no other files. Each archive sent is reported as the
 * container event {@code archive-path}, as dockerd does.
 */
@RestController
class ArchiveController {

    private static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final ContainerService containers;
    private final ContainerFiles files;
    private final ContainerEvents events;

    ArchiveController(ContainerService containers, ContainerFiles files, ContainerEvents events) {
        this.containers = containers;
        this.files = files;
        this.events = events;
    }

    @RequestMapping(path = "/containers/{id}/archive", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<byte[]> archive(@PathVariable String id, @RequestParam(required = false) String path,
                                   HttpServletRequest request) {
        Container container = containers.get(id);
        if (path == null || path.isEmpty()) {
            throw DockerError.invalidParameter("bad parameter: pathcannot be empty");
        }
        // scoped to the container's root: ".." never climbs above "/"
        String clean = FilePath.clean("/" + path);
        Instant mtime = container.state().startedAt() != null ? container.state().startedAt() : container.created();
        PathStat stat;
        byte[] tar;
        switch (clean) {
            case "/etc/hosts", "/etc/resolv.conf", "/etc/hostname" -> {
                TarEntry file = TarEntry.file(clean, content(container, clean), mtime);
                stat = PathStat.of(file);
                tar = ContainerArchive.singleFile(file);
            }
            case "/etc" -> {
                stat = PathStat.directory("etc", 0755, mtime);
                tar = ContainerArchive.directory("/etc", mtime, List.of(
                        TarEntry.file("hostname", content(container, "/etc/hostname"), mtime),
                        TarEntry.file("hosts", content(container, "/etc/hosts"), mtime),
                        TarEntry.symlink("mtab", "/proc/mounts", mtime),
                        TarEntry.file("resolv.conf", content(container, "/etc/resolv.conf"), mtime)));
            }
            default -> throw DockerError.notFound("Could not find the file " + path + " in container " + id);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(STAT_HEADER, stat.headerValue());
        if ("HEAD".equals(request.getMethod())) {
            return answer.build();
        }
        // dockerd reports each archive it hands out (a stat, the HEAD above, is not reported)
        events.publish(container, "archive-path");
        return answer.contentType(MediaType.parseMediaType("application/x-tar")).contentLength(tar.length).body(tar);
    }

    private String content(Container container, String path) {
        return switch (path) {
            case "/etc/hosts" -> files.hosts(container);
            case "/etc/resolv.conf" -> files.resolvConf(container);
            default -> files.hostname(container);
        };
    }
}
