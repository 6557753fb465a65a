package io.netdock.exec;

import io.netdock.container.BusyboxImages;
import io.netdock.container.Container;
import io.netdock.container.ContainerEvents;
import io.netdock.container.ContainerProcesses;
import io.netdock.container.ContainerService;
import io.netdock.error.DockerError;
import io.netdock.process.HostProcess;
import io.netdock.process.OutputSink;
import io.netdock.process.ProcessSpec;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * {@code docker exec}: an instance is created for a running container and started once, as a host process in the
 * namespaces of the container's process (its network, mount and UTS namespaces), with the container's environment
 * plus the exec's own. Without processes there is no process to join: create answers why and how to enable them.
 */
@Service
public class ExecService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerService containers;
    private final ContainerProcesses processes;
    private final ContainerEvents events;
    private final Map<String, ExecInstance> instances = new ConcurrentHashMap<>();

    ExecService(ContainerService containers, ContainerProcesses processes, ContainerEvents events) {
        this.containers = containers;
        this.processes = processes;
        this.events = events;
    }

    public ExecInstance create(String reference, ExecConfig config) {
        Container container = containers.get(reference);
        requireRunningUnpaused(container);
        if (config.cmd() == null || config.cmd().isEmpty()) {
            throw DockerError.invalidParameter("No exec command specified");
        }
        processes.requireProcesses("exec");
        if (config.tty()) {
            throw DockerError.invalidParameter("netdock runs exec processes without a terminal: a TTY (-t) is not "
                    + "supported; run docker exec without -t");
        }
        String id = HexFormat.of().formatHex(bytes());
        ExecInstance instance = new ExecInstance(id, container.id(), config);
        instances.put(id, instance);
        events.publish(container, "exec_create: " + String.join(" ", config.cmd()), Map.of("execID", id));
        return instance;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public ExecInstance get(String id) {
        ExecInstance instance = instances.get(id);
        if (instance == null) {
            throw new ExecNotFound(id);
        }
        return instance;
    }

    /**
     * Starts the instance; {@code output} receives its output, {@code onExit} runs once it exited and its output
     * was read to the end.
     */
    public HostProcess start(String id, OutputSink output, Runnable onExit) {
        ExecInstance instance = get(id);
        Container container = containers.get(instance.containerId());
        requireRunningUnpaused(container);
        if (container.state().process() == null) {
            throw ContainerProcesses.notRunning(container);
        }
        if (!instance.claimStart()) {
            throw DockerError.conflict("Error: Exec command " + id + " has already run");
        }
        ExecConfig config = instance.config();
        List<String> env = new ArrayList<>(ContainerProcesses.environment(container));
        if (config.env() != null) {
            env.addAll(config.env());
        }
        String user = config.user() == null || config.user().isEmpty() ? container.config().user() : config.user();
        String dir = config.workingDir() == null || config.workingDir().isEmpty() ? container.config().workingDir()
                : config.workingDir();
        ProcessSpec spec = new ProcessSpec(container.id(), config.cmd(), env, dir, user, null, null, null,
                config.attachStdin(), BusyboxImages.hasBusyboxUserland(container.config().image()));
        events.publish(container, "exec_start: " + String.join(" ", config.cmd()), Map.of("execID", id));
        HostProcess process = processes.host().exec(spec, container.state().process(), output);
        instance.running(process);
        process.exited().thenAccept(code -> {
            instance.exited(code);
            events.publish(container, "exec_die", Map.of("execID", id, "exitCode", Integer.toString(code)));
            onExit.run();
        });
        return process;
    }

    /** dockerd's refusals of an exec, at create and again at start: the container must run and not be paused. */
    private static void requireRunningUnpaused(Container container) {
        if (!container.isRunning()) {
            throw ContainerProcesses.notRunning(container);
        }
        if (container.state().paused()) {
            throw DockerError.conflict("Container " + container.id()
                    + " is paused, unpause the container before exec");
        }
    }
}
