package io.netdock.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether containers run their command.
 *
 * @param processes {@code none} (default: containers have no process, as before) or {@code host} (the command runs
 *                  as a host process in the container's network, mount and UTS namespaces; needs
 *                  {@code netdock.kernel.mode=linux})
 */
@ConfigurationProperties("netdock")
public record ProcessProperties(@DefaultValue("none") Processes processes) {

    public enum Processes {
        NONE, HOST
    }

    public boolean enabled() {
        return processes == Processes.HOST;
    }
}
