package org.ladderboard.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ladderboard.demo.*}: on only in the embedded one-command run. */
@ConfigurationProperties(prefix = "ladderboard.demo")
public record DemoProperties(boolean enabled, String password) {
}
