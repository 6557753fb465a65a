package io.netdock.process;

import io.netdock.error.DockerError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts and signals host processes for containers, and reads what runs in a container's freezer group. Signals
 * go only to a PID whose start time is still the recorded one.
 */
@Component
public class HostProcesses {

    /** This host's freezer cgroups, or none (then pause is refused and only main processes are tracked). */
    private final Optional<Freezer> freezer;

    public HostProcesses() {
        this(Freezer.onThisHost());
    }

    HostProcesses(Optional<Freezer> freezer) {
        this.freezer = freezer;
    }

    /** Starts a container's main process; when it exits, whatever it left in the container is killed. */
    public HostProcess start(ProcessSpec spec, OutputSink sink) {
        List<String> resolved = HostCommands.resolve(spec.command(), pathOf(spec.env()), spec.appletsFirst());
        Optional<Path> procs = freezer.flatMap(f -> f.prepare(spec.owner()));
        List<String> argv = LaunchCommand.forContainer(spec, resolved, procs.orElse(null));
        return HostProcess.started(launch(argv, spec), sink, () -> killAll(spec.owner()));
    }

    /** Starts a process in the namespaces of the running process {@code target}, in the same freezer group. */
    public HostProcess exec(ProcessSpec spec, ProcessRecord target, OutputSink sink) {
        if (!target.isAlive()) {
            throw DockerError.conflict("Container " + spec.owner() + " is not running");
        }
        List<String> resolved = HostCommands.resolve(spec.command(), pathOf(spec.env()), spec.appletsFirst());
        Optional<Path> procs = freezer.flatMap(f -> f.prepare(spec.owner()));
        List<String> argv = LaunchCommand.forExec(spec, resolved, target.pid(), procs.orElse(null));
        return HostProcess.started(launch(argv, spec), sink, () -> { });
    }

    private static Process launch(List<String> argv, ProcessSpec spec) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().put("PATH", LaunchCommand.TOOLS_PATH);
        if (!spec.openStdin()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ProcessStartFailed(e.getMessage());
        }
    }

    private static String pathOf(List<String> env) {
        return env.stream().filter(e -> e.startsWith("PATH=")).map(e -> e.substring(5)).findFirst()
                .orElse(HostCommands.DEFAULT_PATH);
    }

    /** Sends {@code signal} to the recorded process if it still lives; false when it is gone. */
    public boolean signal(ProcessRecord process, int signal) {
        if (!process.isAlive()) {
            return false;
        }
        return kill(process.pid(), signal);
    }

    /** SIGKILL to every process in the container's freezer group (thawed first, so they can die). */
    public void killAll(String owner) {
        freezer.filter(f -> f.isFrozen(owner)).ifPresent(f -> f.freeze(owner, false));
        for (int pid : pids(owner)) {
            kill(pid, 9);
        }
    }

    /**
     * {@code docker top}: the host's {@code ps} with {@code psArgs}, for the processes in the container's freezer
     * group, or the main one alone without a freezer.
     */
    public TopTable top(String owner, ProcessRecord main, String psArgs) {
        List<Integer> pids = new ArrayList<>(pids(owner));
        if (pids.isEmpty() && main != null && main.isAlive()) {
            pids.add(main.pid());
        }
        return ProcessTable.of(pids, psArgs);
    }

    /** {@code docker top} of a container that runs no process: the titles {@code psArgs} gives, no rows. */
    public static TopTable noProcesses(String psArgs) {
        return ProcessTable.of(List.of(), psArgs);
    }

    private List<Integer> pids(String owner) {
        return freezer.map(f -> f.pids(owner)).orElse(List.of());
    }

    /** The container's processes are in a group this host can freeze (cgroup v1 freezer or v2 cgroup.freeze). */
    public boolean canPause(String owner) {
        return freezer.isPresent() && freezer.get().canFreeze(owner);
    }

    /** Freezes or thaws the container's group; false when the host cannot. */
    public boolean freeze(String owner, boolean frozen) {
        return canPause(owner) && freezer.get().freeze(owner, frozen);
    }

    /** Forgets the container's freezer group (after its last process is gone). */
    public void release(String owner) {
        freezer.ifPresent(f -> f.remove(owner));
    }

    private static boolean kill(int pid, int signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Integer.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
