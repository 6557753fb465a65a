package io.netdock.events.web;

import io.netdock.api.RequestedVersion;
import io.netdock.error.DockerError;
import io.netdock.events.EventFilter;
import io.netdock.events.EventLog;
import io.netdock.go.Timestamps;
import io.netdock.events.EventQuery;
import io.netdock.filters.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code GET /events}: history between {@code since} and {@code until}, then live events until {@code until}
 * or until the client disconnects; bad parameters are answered before the stream starts.
 */
@RestController
class EventsController {

    private final EventLog log;
    private final EventStreams streams;

    EventsController(EventLog log, EventStreams streams) {
        this.log = log;
        this.streams = streams;
    }

    @GetMapping("/events")
    ResponseEntity<ResponseBodyEmitter> events(HttpServletRequest request) {
        // getParameter, like Go's Form.Get: the first value when a parameter repeats.
        String sinceText = request.getParameter("since");
        String untilText = request.getParameter("until");
        OptionalLong since = Timestamps.parse(sinceText);
        OptionalLong until = Timestamps.parse(untilText);
        if (until.isPresent() && until.getAsLong() < since.orElse(Long.MIN_VALUE)) {
            throw DockerError.invalidParameter("`since` time (" + sinceText + ") cannot be after `until` time ("
                    + untilText + ")");
        }
        Filters filters = Filters.parse(request.getParameter("filters"));
        EventQuery query = new EventQuery(since, until, new EventFilter(filters));
        ResponseBodyEmitter emitter = streams.open(log, query, RequestedVersion.of(request), request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
    }
}
