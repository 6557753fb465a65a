package io.netdock.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where netdock keeps its state and where it listens.
 *
 * @param stateDir    the state directory: H2 database, socket, namespace mounts ({@code netdock.state-dir})
 * @param socket      the Unix socket path; default {@code <state-dir>/docker.sock} ({@code netdock.socket})
 * @param socketGroup group that owns the socket, like the {@code docker} group; empty keeps the process group
 */
@ConfigurationProperties("netdock")
public record NetdockProperties(@DefaultValue("./netdock-data") Path stateDir, Path socket, String socketGroup) {

    public Path stateDirectory() {
        return stateDir.toAbsolutePath().normalize();
    }

    public Path socketPath() {
        return (socket != null ? socket : stateDir.resolve("docker.sock")).toAbsolutePath().normalize();
    }
}
