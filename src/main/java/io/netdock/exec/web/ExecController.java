package io.netdock.exec.web;

import io.netdock.api.DockerDocument;
import io.netdock.go.GoStruct;
import io.netdock.api.OpenResponses;
import io.netdock.api.RequestedVersion;
import io.netdock.api.StreamedResponse;
import io.netdock.container.web.FramedOutput;
import io.netdock.container.web.RawStreamUpgrade;
import io.netdock.exec.ExecConfig;
import io.netdock.exec.ExecInstance;
import io.netdock.exec.ExecService;
import io.netdock.process.HostProcess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker exec}: create, start (attached on a hijacked connection or a streamed body, or detached),
 * inspect and resize. The attached stream is framed (stdcopy) and ends when the exec's process has exited, when
 * the client goes away (the process goes on) or when netdock shuts down.
 */
@RestController
class ExecController {

    private static final MediaType MULTIPLEXED = MediaType.parseMediaType("application/vnd.docker.multiplexed-stream");
    private static final MediaType RAW_STREAM = MediaType.parseMediaType("application/vnd.docker.raw-stream");

    private final ExecService execs;
    private final OpenResponses openResponses;

    ExecController(ExecService execs, OpenResponses openResponses) {
        this.execs = execs;
        this.openResponses = openResponses;
    }

    @PostMapping("/containers/{id}/exec")
    ResponseEntity<DockerDocument> create(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        GoStruct exec = GoStruct.body(body, "ExecConfig", "container.ExecOptions");
        ExecConfig config = new ExecConfig(exec.stringOrStrings("Cmd"), exec.strings("Env"), exec.text("User"),
                exec.text("WorkingDir"), exec.bool("AttachStdin"), exec.bool("AttachStdout"),
                exec.bool("AttachStderr"), exec.bool("Tty"), exec.bool("Privileged"), exec.text("DetachKeys"));
        ExecInstance instance = execs.create(id, config);
        return ResponseEntity.status(HttpStatus.CREATED).body(DockerDocument.object().field("Id", instance.id()));
    }

    @PostMapping("/exec/{id}/start")
    void start(@PathVariable String id, @RequestBody(required = false) JsonNode body, HttpServletRequest request,
               HttpServletResponse response) throws IOException, jakarta.servlet.ServletException {
        GoStruct start = GoStruct.body(body, "ExecStartConfig", "container.ExecStartOptions");
        ExecInstance instance = execs.get(id);
        if (start.bool("Detach")) {
            execs.start(id, (stream, data, length) -> { }, () -> { });
            response.setStatus(200);
            return;
        }
        ExecConfig config = instance.config();
        FramedOutput sink = new FramedOutput(!config.tty(), config.attachStdout(), config.attachStderr());
        MediaType type = !config.tty() && RequestedVersion.of(request).atLeast("1.42") ? MULTIPLEXED : RAW_STREAM;
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && !upgrade.isEmpty()) {
            EndOfStream end = new EndOfStream();
            HostProcess process = execs.start(id, sink, end::run);
            response.setHeader("Content-Type", type.toString());
            response.setHeader("Upgrade", "tcp");
            RawStreamUpgrade hijacked = request.upgrade(RawStreamUpgrade.class);
            hijacked.endAtShutdown(openResponses);
            sink.whenBroken(hijacked::close);
            hijacked.keepOpenAfterInput();
            if (config.attachStdin()) {
                hijacked.whenInput((data, length) -> {
                    try {
                        process.stdin().write(data, 0, length);
                        process.stdin().flush();
                    } catch (IOException gone) {
                        // the process closed its stdin
                    }
                }, process::closeStdin);
            }
            hijacked.whenOpen(opened -> {
                try {
                    sink.connect(opened.output());
                } catch (IOException gone) {
                    opened.close();
                }
            });
            end.then(hijacked::close);
            return;
        }
        response.setStatus(200);
        response.setContentType(type.toString());
        response.flushBuffer();
        StreamedResponse stream = StreamedResponse.start(request, openResponses);
        sink.whenBroken(stream);
        sink.connect(stream.body());
        execs.start(id, sink, stream);
    }

    /** Runs the close once both the exit happened and the connection exists to be closed. */
    private static final class EndOfStream {
        private Runnable close;
        private boolean ended;

        synchronized void run() {
            ended = true;
            if (close != null) {
                close.run();
            }
        }

        synchronized void then(Runnable action) {
            close = action;
            if (ended) {
                action.run();
            }
        }
    }

    /** Docker's {@code ExecInspect}: {@code ExitCode} is null until the process has exited. */
    @GetMapping("/exec/{id}/json")
    DockerDocument inspect(@PathVariable String id) {
        ExecInstance instance = execs.get(id);
        ExecConfig config = instance.config();
        List<String> cmd = config.cmd();
        DockerDocument process = DockerDocument.object()
                .field("tty", config.tty())
                .field("entrypoint", cmd.get(0))
                .field("arguments", cmd.subList(1, cmd.size()))
                .omitNull("privileged", config.privileged())
                .omitEmpty("user", config.user());
        return DockerDocument.object()
                .field("ID", instance.id())
                .field("Running", instance.isRunning())
                .field("ExitCode", instance.exitCode())
                .field("ProcessConfig", process)
                .field("OpenStdin", config.attachStdin())
                .field("OpenStderr", config.attachStderr())
                .field("OpenStdout", config.attachStdout())
                .field("CanRemove", false)
                .field("ContainerID", instance.containerId())
                .field("DetachKeys", config.detachKeys() == null ? "" : config.detachKeys())
                .field("Pid", instance.pid());
    }

    /** No TTY: nothing to resize once it runs; before, dockerd times out waiting for the session. */
    @PostMapping("/exec/{id}/resize")
    ResponseEntity<Void> resize(@PathVariable String id) {
        ExecInstance instance = execs.get(id);
        if (instance.pid() == 0) {
            throw io.netdock.error.DockerError.system("timeout waiting for exec session ready");
        }
        return ResponseEntity.ok().build();
    }

}
