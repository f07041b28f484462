package org.ladderboard.app.scoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Says so when the in-process worker is asked for ({@code ladderboard.worker.embedded}, on with the embedded
 * database) but this build is the web-only jar, which carries no engine: submissions then wait in the queue until
 * a standalone worker takes them.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.worker.embedded", havingValue = "true")
@ConditionalOnMissingClass("org.ladderboard.worker.ScoringWorker")
class NoEmbeddedWorker implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NoEmbeddedWorker.class);

    @Override
    public void run(ApplicationArguments args) {
        log.warn("This is the web-only jar: no scoring worker runs inside it, so submissions wait in the queue. Start "
                + "standalone workers (docs/running.md), or run the one-command jar standalone/target/ladderboard.jar");
    }
}
