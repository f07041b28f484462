package org.ladderboard.app.ladder;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured ladders, with their models ordered from smallest to largest. */
@Component
public class LadderRegistry {

    private final List<LadderProperties.Ladder> ladders;

    public LadderRegistry(LadderProperties properties) {
        this.ladders = properties.ladders().stream()
                .map(l -> new LadderProperties.Ladder(l.name(), l.family(), l.xAxis(), l.description(),
                        l.models().stream().sorted(Comparator.comparingLong(LadderProperties.Model::parameters)).toList()))
                .toList();
    }

    public List<LadderProperties.Ladder> all() {
        return ladders;
    }

    public Optional<LadderProperties.Ladder> find(String name) {
        return ladders.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
