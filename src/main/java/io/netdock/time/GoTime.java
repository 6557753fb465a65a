package io.netdock.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants printed as Go's {@code time.Time} marshals to JSON: RFC 3339, nanoseconds without trailing zeros, UTC. */
public final class GoTime {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    public static String format(Instant instant) {
        String text = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text += "." + String.format("%09d", nanos).replaceAll("0+$", "");
        }
        return text + "Z";
    }
}
