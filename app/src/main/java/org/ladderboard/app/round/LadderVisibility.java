package org.ladderboard.app.round;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.ladder.Ladder;
import org.springframework.stereotype.Service;

/**
 * The one rule on held-out ladders (the prize's private models): a round's ladder that is held out and not yet
 * released shows its results, curves, verdicts and generality to judges and organizers only. Contestants (the
 * submission's owner as much as anyone else) and visitors who are not signed in do not learn it is there: every page
 * and API answer shows them the round's other ladders only. Once released, it is a ladder like any other. The worker
 * scores it like any other throughout.
 */
@Service
public class LadderVisibility {

    private final RoundLadderRepository roundLadders;
    private final LadderRegistry ladders;

    LadderVisibility(RoundLadderRepository roundLadders, LadderRegistry ladders) {
        this.roundLadders = roundLadders;
        this.ladders = ladders;
    }

    /** Whether {@code viewer} (null: not signed in) may see the ladder's results. */
    public static boolean maySee(Account viewer, RoundLadder ladder) {
        return !ladder.isPrivate() || seesPrivateLadders(viewer);
    }

    /** Judges and organizers see held-out ladders before they are released. */
    public static boolean seesPrivateLadders(Account viewer) {
        return viewer != null && (viewer.getRole() == Role.JUDGE || viewer.getRole() == Role.ORGANIZER);
    }

    /** The ladders of a round whose results {@code viewer} (null: not signed in) may see. */
    public VisibleLadders inRound(long roundId, Account viewer) {
        return seesPrivateLadders(viewer) ? VisibleLadders.all() : of(roundLadders.of(roundId), viewer);
    }

    /** The same, for the round a submission belongs to. */
    public VisibleLadders ofSubmission(long submissionId, Account viewer) {
        return seesPrivateLadders(viewer) ? VisibleLadders.all() : of(roundLadders.ofSubmission(submissionId), viewer);
    }

    /** The round's ladders with their held-out state, for the organizers' round page. */
    public List<RoundLadder> ladders(long roundId) {
        return roundLadders.of(roundId);
    }

    private VisibleLadders of(List<RoundLadder> round, Account viewer) {
        Map<String, List<String>> hidden = new LinkedHashMap<>();
        for (RoundLadder l : round) {
            if (!maySee(viewer, l)) {
                // what free text could name it by: its models' names, and their checkpoints' paths (errors carry them)
                List<String> names = new java.util.ArrayList<>();
                for (Ladder.Rung rung : ladders.find(l.ladder()).map(Ladder::rungs).orElse(List.of())) {
                    names.add(rung.name());
                    names.add(rung.checkpoint());
                    names.add(ladders.checkpoint(rung).toString());
                }
                hidden.put(l.ladder(), names.stream().filter(n -> n != null && !n.isBlank()).distinct().toList());
            }
        }
        return hidden.isEmpty() ? VisibleLadders.all() : new VisibleLadders(hidden);
    }
}
