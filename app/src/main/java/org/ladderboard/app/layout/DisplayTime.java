package org.ladderboard.app.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as pages print them: UTC text inside a {@code <time datetime>} element, which the page's script rewrites
 * into the reader's own time zone. Used from templates as {@code @time}.
 */
@Component("time")
public class DisplayTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
