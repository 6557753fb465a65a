package io.netdock.container.web;

import io.netdock.api.ApiVersion;
import io.netdock.container.Container;
import org.springframework.http.MediaType;

/** The content type of attach, logs and exec streams. */
final class StreamTypes {

    static final MediaType RAW_STREAM = MediaType.parseMediaType("application/vnd.docker.raw-stream");
    static final MediaType MULTIPLEXED = MediaType.parseMediaType("application/vnd.docker.multiplexed-stream");

    private StreamTypes() {
    }

    /** Docker ≥ 1.42 answers a non-TTY stream as multiplexed; a TTY (or older API) as raw (the body is framed
     * all the same when there is no TTY). */
    static MediaType of(Container container, ApiVersion version) {
        return of(container.config().tty(), version);
    }

    static MediaType of(boolean tty, ApiVersion version) {
        return !tty && version.atLeast("1.42") ? MULTIPLEXED : RAW_STREAM;
    }
}
