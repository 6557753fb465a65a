package io.netdock.container.web;

import io.netdock.api.OpenResponses;
import io.netdock.api.RequestedVersion;
import io.netdock.api.StreamedResponse;
import io.netdock.container.Container;
import io.netdock.go.BoolValue;
import io.netdock.container.ContainerExits;
import io.netdock.container.ContainerProcesses;
import io.netdock.container.ContainerService;
import io.netdock.process.LogEntry;
import io.netdock.process.LogQuery;
import io.netdock.process.LogReader;
import io.netdock.process.StdStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /containers/{id}/attach}: {@code Upgrade: tcp} → 101 and the stream on the hijacked connection;
 * otherwise 200 with the stream as the body. Either ends when the container next stops, when the client goes away
 * or when netdock shuts down (the container goes on). With processes the
 * process's output arrives framed (stdcopy) and the client's input goes to its stdin; without, a client attached
 * before the start reads one line saying the container runs no process, and attaching to a running one is refused
 * with the setting that would enable it.
 */
@RestController
class AttachController {

    private final ContainerService containers;
    private final ContainerExits exits;
    private final ContainerProcesses processes;
    private final OpenResponses openResponses;

    AttachController(ContainerService containers, ContainerExits exits, ContainerProcesses processes,
                     OpenResponses openResponses) {
        this.containers = containers;
        this.exits = exits;
        this.processes = processes;
        this.openResponses = openResponses;
    }

    @PostMapping("/containers/{id}/attach")
    void attach(@PathVariable String id, @RequestParam(required = false) String stream,
                @RequestParam(required = false) String stdin, @RequestParam(required = false) String stdout,
                @RequestParam(required = false) String stderr, @RequestParam(required = false) String logs,
                HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Container container = containers.get(id);
        if (!processes.enabled() && container.isRunning()) {
            throw processes.mode().unsupported("attaching to a running container");
        }
        boolean wantsStdin = BoolValue.of(stdin) && container.config().openStdin();
        boolean framed = !container.config().tty();
        FramedOutput sink = new FramedOutput(framed, BoolValue.of(stdout), BoolValue.of(stderr));
        MediaType type = StreamTypes.of(container, RequestedVersion.of(request));
        String upgrade = request.getHeader("Upgrade");
        boolean hijack = upgrade != null && !upgrade.isEmpty();
        if (hijack) {
            response.setHeader("Content-Type", type.toString());
            response.setHeader("Upgrade", "tcp");
        } else {
            response.setStatus(200);
            response.setContentType(type.toString());
            response.setHeader("Connection", "close");
            response.flushBuffer();
        }
        Runnable detach = begin(container, sink, BoolValue.of(logs));
        if (hijack) {
            RawStreamUpgrade hijacked = request.upgrade(RawStreamUpgrade.class);
            hijacked.whenClosed(detach);
            hijacked.whenClosed(exits.register(container.id(), ContainerExits.Until.NEXT_EXIT,
                    code -> hijacked.close())::cancel);
            hijacked.endAtShutdown(openResponses);
            sink.whenBroken(hijacked::close);
            if (processes.enabled()) {
                hijacked.keepOpenAfterInput();
            }
            if (processes.enabled() && wantsStdin) {
                hijacked.whenInput((data, length) -> processes.stdin(container.id(), data, length), () -> {
                    if (container.config().stdinOnce()) {
                        processes.closeStdin(container.id());
                    }
                });
            }
            hijacked.whenOpen(opened -> {
                try {
                    sink.connect(opened.output());
                } catch (IOException gone) {
                    opened.close();
                }
            });
            return;
        }
        StreamedResponse body = StreamedResponse.start(request, openResponses);
        body.whenEnded(detach);
        body.whenEnded(exits.register(container.id(), ContainerExits.Until.NEXT_EXIT, code -> body.run())::cancel);
        sink.whenBroken(body);
        sink.connect(body.body());
    }

    /** Replays the log if asked, then attaches the live output; returns how to detach. */
    private Runnable begin(Container container, FramedOutput sink, boolean replay) {
        if (!processes.enabled()) {
            byte[] line = ContainerProcesses.noProcessLine();
            sink.write(StdStream.STDOUT, line, line.length);
            return () -> { };
        }
        if (replay) {
            try {
                LogReader.read(processes.logFile(container.id()), new LogQuery(true, true, null, null, false, -1,
                        false), null, entry -> write(sink, entry));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return processes.attach(container.id(), sink);
    }

    private static void write(FramedOutput sink, LogEntry entry) {
        byte[] bytes = entry.log().getBytes(StandardCharsets.UTF_8);
        sink.write(entry.stream(), bytes, bytes.length);
    }
}
