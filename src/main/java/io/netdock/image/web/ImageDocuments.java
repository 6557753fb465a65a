package io.netdock.image.web;

import io.netdock.api.ApiVersion;
import io.netdock.go.GoTime;
import io.netdock.image.Image;
import io.netdock.image.ImageReference;
import io.netdock.system.Daemon;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Docker's {@code ImageInspect} and {@code ImageSummary} for emulated images, in dockerd's field order with the
 * fields each API version has (e.g. {@code VirtualSize} below 1.44, {@code ContainerConfig} below 1.45).
 */
@Component
class ImageDocuments {

    private final String architecture;

    ImageDocuments(Daemon daemon) {
        this.architecture = daemon.host().goArch();
    }

    Map<String, Object> inspect(Image image, ApiVersion version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", image.id());
        doc.put("RepoTags", repoTags(image.reference()));
        doc.put("RepoDigests", repoDigests(image.reference()));
        if (version.below("1.51")) {
            doc.put("Parent", "");
        }
        doc.put("Comment", "");
        doc.put("Created", GoTime.format(image.created()));
        if (version.below("1.45")) {
            doc.put("Container", "");
            doc.put("ContainerConfig", legacyConfig());
        }
        if (version.below("1.51")) {
            doc.put("DockerVersion", "");
        }
        doc.put("Author", "");
        doc.put("Config", version.below("1.50") ? legacyConfig() : imageConfig());
        doc.put("Architecture", architecture);
        doc.put("Os", "linux");
        doc.put("Size", 0);
        if (version.below("1.44")) {
            doc.put("VirtualSize", 0);
        }
        Map<String, Object> graphDriver = new LinkedHashMap<>();
        graphDriver.put("Data", Map.of()); // an object: Docker documents it as required and never null
        graphDriver.put("Name", "netdock");
        doc.put("GraphDriver", graphDriver);
        doc.put("RootFS", Map.of("Type", "layers"));
        doc.put("Metadata", Map.of("LastTagTime", GoTime.format(image.created())));
        return doc;
    }

    Map<String, Object> summary(Image image, int containers, ApiVersion version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Containers", version.atLeast("1.51") ? containers : -1);
        doc.put("Created", image.created().getEpochSecond());
        doc.put("Id", image.id());
        doc.put("Labels", null);
        doc.put("ParentId", "");
        List<String> digests = repoDigests(image.reference());
        doc.put("RepoDigests", digests.isEmpty() ? null : digests);
        doc.put("RepoTags", repoTags(image.reference()));
        doc.put("SharedSize", -1);
        doc.put("Size", 0);
        if (version.below("1.44")) {
            doc.put("VirtualSize", 0);
        }
        return doc;
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
    private static Map<String, Object> legacyConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", "");
        config.put("Domainname", "");
        config.put("User", "");
        config.put("AttachStdin", false);
        config.put("AttachStdout", false);
        config.put("AttachStderr", false);
        config.put("Tty", false);
        config.put("OpenStdin", false);
        config.put("StdinOnce", false);
        config.put("Env", null);
        config.put("Cmd", null);
        config.put("Image", "");
        return withEmptyTail(config);
    }

    /** The image configuration proper (API 1.50+). */
    private static Map<String, Object> imageConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("User", "");
        config.put("Env", null);
        config.put("Cmd", null);
        return withEmptyTail(config);
    }

    private static Map<String, Object> withEmptyTail(Map<String, Object> config) {
        config.put("Volumes", null);
        config.put("WorkingDir", "");
        config.put("Entrypoint", null);
        config.put("OnBuild", null);
        config.put("Labels", null);
        return config;
    }
}
