package org.ladderboard.app.ladder;

import java.util.List;
import java.util.Optional;

import org.ladderboard.ladder.Ladder;
import org.springframework.stereotype.Component;

/** The configured ladders, each with its rungs ordered from smallest to largest. */
@Component
public class LadderRegistry {

    private final List<Ladder> ladders;

    public LadderRegistry(LadderProperties properties) {
        this.ladders = properties.ladders();
    }

    public List<Ladder> all() {
        return ladders;
    }

    public Optional<Ladder> find(String name) {
        return ladders.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
