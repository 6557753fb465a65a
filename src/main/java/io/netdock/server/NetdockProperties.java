package io.netdock.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where netdock keeps its state and where it listens.
 *
 * @param stateDir       the state directory: the H2 database, the socket, namespace mounts. Two netdock processes
 *                       on one machine each need their own
 * @param socket         the Unix socket path (mode 0660); default {@code <state-dir>/docker.sock}
 * @param socketGroup    group that owns the socket, like dockerd's {@code docker} group; empty keeps the process's
 *                       group
 * @param maxRequestBody the largest request body accepted on either listener (1B … 1GB); larger ones get 413.
 *                       Docker's JSON bodies are a few kilobytes, so anything near this is hostile or a mistake
 */
@ConfigurationProperties("netdock")
public record NetdockProperties(@DefaultValue("./netdock-data") Path stateDir, Path socket, String socketGroup,
                                @DefaultValue("4MB") DataSize maxRequestBody) {

    private static final DataSize LARGEST_BODY_LIMIT = DataSize.ofGigabytes(1);

    public NetdockProperties {
        if (maxRequestBody.toBytes() <= 0 || maxRequestBody.compareTo(LARGEST_BODY_LIMIT) > 0) {
            throw new StartupRefused("netdock.max-request-body=" + maxRequestBody + " is not between 1B and 1GB",
                    "Set netdock.max-request-body to a size such as 4MB (Docker's JSON bodies are a few KB).");
        }
    }

    public Path stateDirectory() {
        return stateDir.toAbsolutePath().normalize();
    }

    public Path socketPath() {
        return (socket != null ? socket : stateDir.resolve("docker.sock")).toAbsolutePath().normalize();
    }
}
