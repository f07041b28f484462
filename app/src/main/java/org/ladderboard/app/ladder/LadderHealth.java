package org.ladderboard.app.ladder;

import java.util.List;

import org.ladderboard.worker.LadderCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every rung's checkpoint and tokenizer, checked once at startup; organizers see what is broken. */
@Component
public class LadderHealth {

    private static final Logger log = LoggerFactory.getLogger(LadderHealth.class);

    private final List<LadderCheck.Problem> problems;

    public LadderHealth(LadderRegistry ladders, LadderProperties properties) {
        this.problems = LadderCheck.check(ladders.all(), properties.checkpointRootPath());
        if (problems.isEmpty()) {
            log.info("Ladders ready: {}", ladders.all().stream().map(l -> l.name() + " (" + l.rungs().size() + " models)").toList());
        }
        problems.forEach(p -> log.warn("Ladder problem: {}", p));
    }

    public List<LadderCheck.Problem> problems() {
        return problems;
    }
}
