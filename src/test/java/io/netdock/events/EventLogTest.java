package io.netdock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netdock.go.Timestamps;
import io.netdock.error.DockerError;
import io.netdock.filters.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final long T0 = 1_795_886_478L * 1_000_000_000L;

    private final EventLog log = new EventLog(Clock.fixed(Instant.ofEpochSecond(1_795_886_478L), ZoneOffset.UTC));

    @Test
    void replaysTheInclusiveWindowThenDeliversLiveEventsInOrder() {
        Event first = log.publish("network", "create", "n1", Map.of("name", "a", "type", "bridge"));
        Event second = log.publish("network", "destroy", "n1", Map.of("name", "a", "type", "bridge"));
        log.publish("network", "prune", "", Map.of("reclaimed", "0"));
        List<Event> live = new ArrayList<>();

        EventLog.Subscription subscription = log.subscribe(new EventQuery(OptionalLong.of(first.timeNano()),
                OptionalLong.of(second.timeNano()), event -> true), live::add);
        assertThat(subscription.replay()).containsExactly(first, second);

        Event third = log.publish("network", "create", "n2", Map.of());
        assertThat(live).containsExactly(third);
        subscription.close();
        log.publish("network", "destroy", "n2", Map.of());
        assertThat(live).containsExactly(third);
        assertThat(log.listenerCount()).isZero();
    }

    @Test
    void withoutSinceOrUntilThereIsNoReplay() {
        log.publish("network", "create", "n1", Map.of());
        EventLog.Subscription subscription =
                log.subscribe(new EventQuery(OptionalLong.empty(), OptionalLong.empty(), event -> true), event -> { });
        assertThat(subscription.replay()).isEmpty();
        assertThat(log.listenerCount()).isEqualTo(1);
        subscription.close();
    }

    @Test
    void timestampsStrictlyIncreaseWithinOneClockTick() {
        Event a = log.publish("network", "create", "n1", Map.of());
        Event b = log.publish("network", "create", "n2", Map.of());
        assertThat(a.timeNano()).isEqualTo(T0);
        assertThat(b.timeNano()).isEqualTo(T0 + 1);
        assertThat(b.timeSeconds()).isEqualTo(1_795_886_478L);
    }

    @Test
    void parsesTimestampsLikeDockerd() {
        assertThat(Timestamps.parse(null)).isEmpty();
        assertThat(Timestamps.parse("")).isEmpty();
        assertThat(Timestamps.parse("1795886478")).hasValue(T0);
        assertThat(Timestamps.parse("1795886478.5")).hasValue(T0 + 500_000_000L);
        assertThat(Timestamps.parse("1795886478.000000001")).hasValue(T0 + 1);
        assertThat(Timestamps.parse("1795886478.1234567891234")).hasValue(T0 + 123_456_789L);
        assertThat(Timestamps.parse("0")).hasValue(0L);
        assertThatThrownBy(() -> Timestamps.parse("1795886478.")).isInstanceOf(DockerError.class)
                .hasMessage("strconv.ParseInt: parsing \"\": invalid syntax");
        assertThatThrownBy(() -> Timestamps.parse("2026-11-28T10:00:00Z"))
                .hasMessage("strconv.ParseInt: parsing \"2026-11-28T10:00:00Z\": invalid syntax");
        assertThatThrownBy(() -> Timestamps.parse("99999999999999999999"))
                .hasMessage("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
    }

    @Test
    void secondsBeyondTheNanosecondRangeAreTheEndOfTime() {
        // Go keeps them (int64 seconds); they were a 500 "long overflow" here
        assertThat(Timestamps.parse("99999999999")).hasValue(Long.MAX_VALUE);
        assertThat(Timestamps.parse("9223372036854775807.9")).hasValue(Long.MAX_VALUE);
        assertThat(Timestamps.parse("-99999999999")).hasValue(Long.MIN_VALUE);
    }

    @Test
    void filtersByActorTypeExcludeOtherTypes() {
        Event network = new Event("network", "connect", "abc123", Map.of("name", "web-net", "container", "c1"),
                "local", T0);
        Event container = new Event("container", "health_status: healthy", "c1deadbeef",
                Map.of("name", "web", "image", "docker.io/library/nginx:1.27"), "local", T0);
        assertThat(filter("{\"container\":[\"c1\"]}").test(network)).isFalse();
        assertThat(filter("{\"container\":[\"c1\"]}").test(container)).isTrue();
        assertThat(filter("{\"network\":[\"web\"]}").test(network)).isTrue();
        assertThat(filter("{\"network\":[\"abc\"]}").test(network)).isTrue();
        assertThat(filter("{\"network\":[\"bc\"]}").test(network)).isFalse();
        assertThat(filter("{\"event\":[\"health_status\"]}").test(container)).isTrue();
        assertThat(filter("{\"event\":[\"health\"]}").test(container)).isFalse();
        assertThat(filter("{\"image\":[\"nginx\"]}").test(container)).isTrue();
        assertThat(filter("{\"image\":[\"nginx:1.27\"]}").test(container)).isFalse();
        assertThat(filter("{\"image\":[\"docker.io/library/nginx:1.27\"]}").test(container)).isTrue();
        assertThat(filter("{\"daemon\":[\"x\"]}").test(container)).isFalse();
        assertThat(filter("{\"type\":[\"network\"],\"scope\":[\"local\"]}").test(network)).isTrue();
        assertThat(filter("{\"label\":[\"name=web\"]}").test(container)).isTrue();
        assertThat(filter("{\"label\":[\"name=web\",\"image\"]}").test(container)).isTrue();
        assertThat(filter("{\"label\":[\"name=other\"]}").test(container)).isFalse();
    }

    private static EventFilter filter(String json) {
        return new EventFilter(Filters.parse(json));
    }
}
