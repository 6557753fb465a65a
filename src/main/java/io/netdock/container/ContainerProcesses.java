package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.process.HostCommands;
import io.netdock.process.HostProcess;
import io.netdock.process.HostProcesses;
import io.netdock.process.JsonFileLog;
import io.netdock.process.LogSettings;
import io.netdock.process.OutputSink;
import io.netdock.process.ProcessMode;
import io.netdock.process.ProcessRecord;
import io.netdock.process.ProcessSpec;
import io.netdock.process.ProcessStartFailed;
import io.netdock.process.StdStream;
import io.netdock.server.NetdockProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The processes of containers ({@code netdock.processes=host}): launches a container's command with its
 * generated {@code /etc} files ({@code <state-dir>/containers/<id>/}), feeds its output to its json-file log and to
 * the clients attached to it, forwards an attached client's stdin, and reports the exit to the lifecycle once the
 * output has been read to the end.
 */
@Component
public class ContainerProcesses {

    private final ProcessMode mode;
    private final HostProcesses host;
    /** Lazily: the files are rendered from views, which look containers up through the service using this. */
    private final ObjectProvider<ContainerFiles> files;
    private final Path directory;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Set<OutputSink>> attached = new ConcurrentHashMap<>();
    private final Map<String, PendingStdin> pendingStdin = new ConcurrentHashMap<>();
    private volatile ProcessExitHandler exitHandler = (id, process, code, stopping) -> { };

    /** A running process with its log; {@code handled} completes once the lifecycle has recorded the exit. */
    private record Live(HostProcess process, JsonFileLog log, CompletableFuture<Void> handled,
                        AtomicBoolean stopping) {
    }

    /** stdin an attached client sent before the process started (docker run -i attaches first). */
    private static final class PendingStdin {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
    }

    ContainerProcesses(ProcessMode mode, HostProcesses host, ObjectProvider<ContainerFiles> files,
                       NetdockProperties properties) {
        this.mode = mode;
        this.host = host;
        this.files = files;
        this.directory = properties.stateDirectory().resolve("containers");
    }

    void onExit(ProcessExitHandler handler) {
        this.exitHandler = handler;
    }

    public boolean enabled() {
        return mode.enabled();
    }

    public ProcessMode mode() {
        return mode;
    }

    /**
     * The log driver of a container created without one, as inspect shows it: with processes netdock writes
     * Docker's default {@code json-file} log; without, there is no output and so no log ({@code none}).
     */
    public String logDriver() {
        return mode.enabled() ? "json-file" : "none";
    }

    /** Starts the command of a container whose networking is up; {@code netns} is the namespace file to join. */
    ProcessRecord launch(Container container, String netns, List<String> linkEnvironment) {
        Path own = directory.resolve(container.id());
        writeFiles(container, own);
        ContainerConfig config = container.config();
        if (config.tty()) {
            throw DockerError.invalidParameter("netdock runs container processes without a terminal: a TTY (-t) is "
                    + "not supported; run the container without -t");
        }
        List<String> command = config.commandLine().isEmpty() ? List.of("sh") : config.commandLine();
        if (config.workingDir() != null && !config.workingDir().isEmpty()
                && !Files.isDirectory(Path.of(config.workingDir()))) {
            throw new ProcessStartFailed("chdir to cwd (\"" + config.workingDir()
                    + "\") set in config.json failed: no such file or directory");
        }
        List<String> env = new ArrayList<>(linkEnvironment);
        env.addAll(environment(container));
        ProcessSpec spec = new ProcessSpec(container.id(), command, env, config.workingDir(), config.user(),
                config.hostname(), netns, own, config.openStdin(), BusyboxImages.hasBusyboxUserland(config.image()));
        JsonFileLog log = JsonFileLog.open(own, container.id(), LogSettings.of(container.host().logOptions()), clock);
        HostProcess process;
        try {
            process = host.start(spec, (stream, data, length) -> {
                log.write(stream, data, length);
                for (OutputSink sink : attached.getOrDefault(container.id(), Set.of())) {
                    sink.write(stream, data, length);
                }
            });
        } catch (RuntimeException failed) {
            log.close();
            throw failed;
        }
        Live running = new Live(process, log, new CompletableFuture<>(), new AtomicBoolean());
        live.put(container.id(), running);
        feedPendingStdin(container.id(), process);
        process.exited().thenAccept(code -> {
            log.close();
            live.remove(container.id(), running);
            try {
                exitHandler.exited(container.id(), process.record(), code, running.stopping().get());
            } finally {
                running.handled().complete(null);
            }
        });
        return process.record();
    }

    /**
     * The environment of a process in {@code container} (its command, or an exec's before the exec's own): the
     * container's, after a default {@code PATH} when it sets none and its {@code HOSTNAME}.
     */
    public static List<String> environment(Container container) {
        List<String> env = new ArrayList<>();
        List<String> given = container.config().env() == null ? List.of() : container.config().env();
        if (given.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add("PATH=" + HostCommands.DEFAULT_PATH);
        }
        env.add("HOSTNAME=" + container.config().hostname());
        env.addAll(given);
        return env;
    }

    /**
     * Writes the container's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}. In place: a
     * file that exists keeps its inode (truncated and written, as dockerd does), because the process sees it
     * through a bind mount of that inode, and a replaced file would never reach it; an unchanged file is left as is.
     */
    void writeFiles(Container container, Path own) {
        try {
            Files.createDirectories(own);
            ContainerFiles rendered = files.getObject();
            writeInPlace(own.resolve("hosts"), rendered.hosts(container));
            writeInPlace(own.resolve("resolv.conf"), rendered.resolvConf(container));
            writeInPlace(own.resolve("hostname"), rendered.hostname(container));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInPlace(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return;
        }
        Files.writeString(file, content);
    }

    /** Rewrites the files of a running container whose networks changed (its bind mounts see the new content). */
    void refreshFiles(Container container) {
        if (live.containsKey(container.id())) {
            writeFiles(container, directory.resolve(container.id()));
        }
    }

    /** The containers whose process runs now. */
    Set<String> liveContainerIds() {
        return Set.copyOf(live.keySet());
    }

    public Optional<HostProcess> running(String containerId) {
        return Optional.ofNullable(live.get(containerId)).map(Live::process);
    }

    /** The open log of a running process (for followers), or null. */
    public JsonFileLog liveLog(String containerId) {
        Live running = live.get(containerId);
        return running == null ? null : running.log();
    }

    public Path logFile(String containerId) {
        return JsonFileLog.fileOf(directory.resolve(containerId), containerId);
    }

    /** Marks the exit that follows as asked for (no restart policy), and sends {@code signal}. */
    boolean signal(Container container, int signal, boolean stopping) {
        Live running = live.get(container.id());
        if (running == null) {
            return false;
        }
        if (stopping) {
            running.stopping().set(true);
        }
        return host.signal(running.process().record(), signal);
    }

    /** Waits until the lifecycle has recorded the exit of the container's current process; false on timeout. */
    boolean awaitHandled(String containerId, long millis) {
        Live running = live.get(containerId);
        if (running == null) {
            return true;
        }
        return HostProcess.await(running.handled(), millis < 0 ? Long.MAX_VALUE : millis);
    }

    /** Kills whatever a process left in the container's group (after it exited, or after a crash). */
    void killAll(String containerId) {
        host.killAll(containerId);
    }

    public HostProcesses host() {
        return host;
    }

    public io.netdock.process.TopTable top(Container container, String psArgs) {
        return host.top(container.id(), container.state().process(), psArgs);
    }

    /** Attaches a client's output sink; the returned action detaches it. */
    public Runnable attach(String containerId, OutputSink sink) {
        attached.computeIfAbsent(containerId, id -> ConcurrentHashMap.newKeySet()).add(sink);
        return () -> attached.computeIfPresent(containerId, (id, sinks) -> {
            sinks.remove(sink);
            return sinks.isEmpty() ? null : sinks;
        });
    }

    /** Bytes an attached client sent to the container's stdin; kept until the process starts. */
    public void stdin(String containerId, byte[] data, int length) {
        Live running = live.get(containerId);
        if (running != null) {
            try {
                running.process().stdin().write(data, 0, length);
                running.process().stdin().flush();
            } catch (IOException gone) {
                // the process closed its stdin or exited
            }
            return;
        }
        PendingStdin pending = pendingStdin.computeIfAbsent(containerId, id -> new PendingStdin());
        synchronized (pending) {
            pending.bytes.write(data, 0, length);
        }
        Live started = live.get(containerId);
        if (started != null) {
            feedPendingStdin(containerId, started.process());
        }
    }

    /** The attached client closed its stdin ({@code StdinOnce}): the process sees end of file. */
    public void closeStdin(String containerId) {
        Live running = live.get(containerId);
        if (running != null) {
            running.process().closeStdin();
            return;
        }
        PendingStdin pending = pendingStdin.computeIfAbsent(containerId, id -> new PendingStdin());
        synchronized (pending) {
            pending.closed = true;
        }
        Live started = live.get(containerId);
        if (started != null) {
            feedPendingStdin(containerId, started.process());
        }
    }

    private void feedPendingStdin(String containerId, HostProcess process) {
        PendingStdin pending = pendingStdin.remove(containerId);
        if (pending == null) {
            return;
        }
        synchronized (pending) {
            try {
                process.stdin().write(pending.bytes.toByteArray());
                process.stdin().flush();
            } catch (IOException gone) {
                // nothing reads it
            }
            if (pending.closed) {
                process.closeStdin();
            }
        }
    }

    /** The line written to a client attached to a container that runs no process. */
    public static byte[] noProcessLine() {
        return ProcessMode.noProcessLine().getBytes(StandardCharsets.UTF_8);
    }

    /** Forgets a removed container's files and log. */
    void removed(String containerId) {
        pendingStdin.remove(containerId);
        host.release(containerId);
        Path own = directory.resolve(containerId);
        if (!Files.isDirectory(own)) {
            return;
        }
        try (var paths = Files.walk(own)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException bestEffort) {
            // a leftover directory is harmless
        }
    }

    /** Refuses what needs a process when this netdock runs none. */
    public void requireProcesses(String what) {
        if (!mode.enabled()) {
            throw mode.unsupported(what);
        }
    }

    /** dockerd's refusal of what needs a running container. */
    public static DockerError notRunning(Container container) {
        return DockerError.conflict("Container " + container.id() + " is not running");
    }
}
