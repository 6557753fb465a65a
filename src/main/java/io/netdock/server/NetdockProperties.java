package io.netdock.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where netdock keeps its state and where it listens.
 *
 * @param stateDir       the state directory: H2 database, socket, namespace mounts ({@code netdock.state-dir})
 * @param socket         the Unix socket path; default {@code <state-dir>/docker.sock} ({@code netdock.socket})
 * @param socketGroup    group that owns the socket, like the {@code docker} group; empty keeps the process group
 * @param maxRequestBody the largest request body accepted on either listener ({@code netdock.max-request-body});
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
