package io.netdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which images run BusyBox's applets before the host's programs: the official busybox and alpine only. */
class BusyboxImagesTest {

    @Test
    void theOfficialBusyboxAndAlpineImagesInAnySpelling() {
        for (String image : new String[] {"busybox", "busybox:latest", "alpine:3.10", "docker.io/library/busybox:1.36",
                "index.docker.io/library/alpine", "busybox@sha256:" + "a".repeat(64)}) {
            assertThat(BusyboxImages.hasBusyboxUserland(image)).as(image).isTrue();
        }
    }

    @Test
    void everyOtherImageOrNoneAtAll() {
        for (String image : new String[] {"ubuntu", "debian:12", "someone/busybox", "localhost:5000/busybox",
                "quay.io/library/alpine", "", "Not A Reference"}) {
            assertThat(BusyboxImages.hasBusyboxUserland(image)).as(image).isFalse();
        }
        assertThat(BusyboxImages.hasBusyboxUserland(null)).isFalse();
    }
}
