package io.netdock.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.error.DockerError;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void normalisesLikeDistributionReference() {
        ImageReference busybox = ImageReference.parse("busybox").withDefaultTag();
        assertThat(busybox.normalized()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(busybox.familiar()).isEqualTo("busybox:latest");
        assertThat(busybox.path()).isEqualTo("library/busybox");
        assertThat(ImageReference.parse("docker.io/library/busybox:latest")).isEqualTo(busybox);
        assertThat(ImageReference.parse("index.docker.io/busybox").withDefaultTag()).isEqualTo(busybox);
        assertThat(ImageReference.parse("someone/app:1").normalized()).isEqualTo("docker.io/someone/app:1");
        assertThat(ImageReference.parse("someone/app:1").familiar()).isEqualTo("someone/app:1");
        ImageReference registry = ImageReference.parse("localhost:5000/team/app:1");
        assertThat(registry.domain()).isEqualTo("localhost:5000");
        assertThat(registry.familiar()).isEqualTo("localhost:5000/team/app:1");
        assertThat(ImageReference.parse("localhost/app").domain()).isEqualTo("localhost");
        assertThat(ImageReference.parse("Registry.Example.com/app").domain()).isEqualTo("Registry.Example.com");
        String digest = "sha256:" + "a".repeat(64);
        ImageReference pinned = ImageReference.parse("busybox@" + digest).withDefaultTag();
        assertThat(pinned.tag()).isNull();
        assertThat(pinned.familiar()).isEqualTo("busybox@" + digest);
    }

    @Test
    void derivesStableIds() {
        assertThat(ImageReference.parse("busybox").withDefaultTag().imageId())
                .isEqualTo("sha256:" + ImageReference.sha256("docker.io/library/busybox:latest"))
                .isEqualTo(ImageReference.parse("docker.io/library/busybox:latest").imageId())
                .isNotEqualTo(ImageReference.parse("busybox:1.36").imageId());
    }

    @Test
    void rejectsWithDockersWords() {
        assertThatThrownBy(() -> ImageReference.parse("BusyBox")).isInstanceOf(DockerError.class)
                .hasMessage("invalid reference format: repository name (library/BusyBox) must be lowercase");
        assertThatThrownBy(() -> ImageReference.parse("busybox:la:test")).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("")).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("a".repeat(64)))
                .hasMessage("invalid repository name (" + "a".repeat(64) + "), cannot specify 64-byte hexadecimal strings");
        assertThatThrownBy(() -> ImageReference.parse("busybox").withTagOrDigest("a:b")).hasMessage("invalid tag format");
        assertThatThrownBy(() -> ImageReference.parse("busybox@sha256:abc")).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("x/" + "a".repeat(300))).hasMessage(
                "repository name must not be more than 255 characters");
    }

    @Test
    void recognisesImageIds() {
        assertThat(ImageReference.asImageId("b".repeat(64))).hasValue("sha256:" + "b".repeat(64));
        assertThat(ImageReference.asImageId("sha256:" + "b".repeat(64))).hasValue("sha256:" + "b".repeat(64));
        assertThat(ImageReference.asImageId("busybox")).isEmpty();
    }
}
