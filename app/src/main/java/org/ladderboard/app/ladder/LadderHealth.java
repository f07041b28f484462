package org.ladderboard.app.ladder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ladderboard.checkpoint.LadderCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every rung's checkpoint and tokenizer, checked once at startup. A ladder with a rung that cannot be loaded is
 * disabled: rounds on it take no submissions (an upload would be accepted only to fail in scoring), and organizers
 * see what is broken on the queue page.
 */
@Component
public class LadderHealth {

    private static final Logger log = LoggerFactory.getLogger(LadderHealth.class);

    private final LadderRegistry ladders;
    private final List<LadderCheck.Problem> problems;
    private final Set<String> disabled = new LinkedHashSet<>();

    public LadderHealth(LadderRegistry ladders) {
        this.ladders = ladders;
        this.problems = ladders.file().map(LadderCheck::check).orElse(List.of());
        problems.forEach(p -> disabled.add(p.ladder()));
        if (problems.isEmpty() && !ladders.all().isEmpty()) {
            log.info("Ladders ready: {}", ladders.all().stream().map(l -> l.name() + " (" + l.rungs().size() + " models)").toList());
        }
        problems.forEach(p -> log.error("Ladder problem: {}; ladder '{}' takes no submissions", p, p.ladder()));
    }

    public List<LadderCheck.Problem> problems() {
        return problems;
    }

    /** Whether the ladder is configured and its models all load: a disabled ladder takes no submissions. */
    public boolean usable(String ladder) {
        return ladders.find(ladder).isPresent() && !disabled.contains(ladder);
    }

    /**
     * Why a round on {@code roundLadders} takes no submissions now, in words for the contestant (the details, with
     * server paths, are the organizers' on the queue page), or null when it takes them.
     */
    public String whyUnusable(Iterable<String> roundLadders) {
        for (String name : roundLadders) {
            if (!usable(name)) {
                return "the round's ladder '" + name + "' cannot score submissions now (its models "
                        + (ladders.find(name).isPresent() ? "failed the startup check" : "are not configured")
                        + "); the organizers can see why on the queue page. Nothing was stored, and this does not"
                        + " count against today's submissions";
            }
        }
        return null;
    }
}
