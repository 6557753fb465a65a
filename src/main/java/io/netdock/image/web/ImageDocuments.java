package io.netdock.image.web;

import io.netdock.api.ApiVersion;
import io.netdock.api.DockerDocument;
import io.netdock.go.GoTime;
import io.netdock.image.Image;
import io.netdock.image.ImageReference;
import io.netdock.system.Daemon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Docker's {@code ImageInspect} and {@code ImageSummary} for emulated images, in dockerd's field order with the
 * fields each API version has (e.g. {@code VirtualSize} below 1.44, {@code Container} below 1.45), plus
 * {@code ContainerConfig} at every version for docker-compose v1.
 */
@Component
public class ImageDocuments {

    private final String architecture;

    ImageDocuments(Daemon daemon) {
        this.architecture = daemon.host().goArch();
    }

    DockerDocument inspect(Image image, ApiVersion version) {
        return DockerDocument.object(version)
                .field("Id", image.id())
                .field("RepoTags", repoTags(image.reference()))
                .field("RepoDigests", repoDigests(image.reference()))
                .below("1.51", "Parent", "")
                .field("Comment", "")
                .field("Created", GoTime.format(image.created()))
                .below("1.45", "Container", "")
                // Docker drops ContainerConfig from 1.45 on; docker-compose v1 negotiates the newest version and then
                // fails on its absence (KeyError: 'ContainerConfig'), so netdock keeps it at every version.
                .field("ContainerConfig", legacyConfig())
                .below("1.51", "DockerVersion", "")
                .field("Author", "")
                .field("Config", version.below("1.50") ? legacyConfig() : imageConfig())
                .field("Architecture", architecture)
                .field("Os", "linux")
                .field("Size", 0)
                .below("1.44", "VirtualSize", 0)
                // Data is an object: Docker documents it as required and never null
                .field("GraphDriver", DockerDocument.object().field("Data", Map.of()).field("Name", "netdock"))
                .field("RootFS", DockerDocument.object().field("Type", "layers"))
                .field("Metadata", DockerDocument.object().field("LastTagTime", GoTime.format(image.created())));
    }

    public DockerDocument summary(Image image, int containers, ApiVersion version) {
        List<String> digests = repoDigests(image.reference());
        return DockerDocument.object(version)
                .field("Containers", version.atLeast("1.51") ? containers : -1)
                .field("Created", image.created().getEpochSecond())
                .field("Id", image.id())
                .field("Labels", null)
                .field("ParentId", "")
                .field("RepoDigests", digests.isEmpty() ? null : digests)
                .field("RepoTags", repoTags(image.reference()))
                .field("SharedSize", -1)
                .field("Size", 0)
                .below("1.44", "VirtualSize", 0);
    }

    private static List<String> repoTags(ImageReference reference) {
        return reference.tag() != null && reference.digest() == null ? List.of(reference.familiar()) : List.of();
    }

    private static List<String> repoDigests(ImageReference reference) {
        List<String> digests = new ArrayList<>();
        if (reference.digest() != null) {
            digests.add(reference.familiarName() + "@" + reference.digest());
        }
        return digests;
    }

    /** {@code container.Config} as images carried it before API 1.50: the runtime-only fields included, empty. */
    private static DockerDocument legacyConfig() {
        return withEmptyTail(DockerDocument.object()
                .field("Hostname", "")
                .field("Domainname", "")
                .field("User", "")
                .field("AttachStdin", false)
                .field("AttachStdout", false)
                .field("AttachStderr", false)
                .field("Tty", false)
                .field("OpenStdin", false)
                .field("StdinOnce", false)
                .field("Env", null)
                .field("Cmd", null)
                .field("Image", ""));
    }

    /** The image configuration proper (API 1.50+). */
    private static DockerDocument imageConfig() {
        return withEmptyTail(DockerDocument.object()
                .field("User", "")
                .field("Env", null)
                .field("Cmd", null));
    }

    private static DockerDocument withEmptyTail(DockerDocument config) {
        return config
                .field("Volumes", null)
                .field("WorkingDir", "")
                .field("Entrypoint", null)
                .field("OnBuild", null)
                .field("Labels", null);
    }
}
