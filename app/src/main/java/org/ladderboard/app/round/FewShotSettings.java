package org.ladderboard.app.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.scoring.ScoringControl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a round's few-shot sweep, from the round form or {@code PUT /api/rounds/{id}/few-shot}: checks the K's, stores
 * them and, in the same transaction, has the queue follow them ({@link ScoringControl#applySweep}): every live
 * submission of the round gets jobs for the K's it lacks, and the jobs, scores and curves of K's no longer asked for
 * (or drawn with another seed) are dropped. Scored submissions stay scored while their new K's are scored.
 */
@Service
public class FewShotSettings {

    /** What a change did: the problems that stopped it (nothing changed then), or the stored sweep and new jobs. */
    public record Change(List<String> problems, FewShotSweep sweep, int jobsQueued) {
    }

    private final RoundRepository rounds;
    private final FewShotRepository parts;
    private final ScoringControl scoring;
    private final AuditLog audit;

    FewShotSettings(RoundRepository rounds, FewShotRepository parts, ScoringControl scoring, AuditLog audit) {
        this.rounds = rounds;
        this.parts = parts;
        this.scoring = scoring;
        this.audit = audit;
    }

    /** The round's sweep as stored. */
    public static FewShotSweep of(Round round) {
        return new FewShotSweep(round.getFewShotShots(), round.getFewShotSeed());
    }

    /**
     * What is wrong with giving {@code round} these K's (a new round: {@code round.getId()} null); each K must leave
     * demonstrations to draw in the round's minimum number of examples and in the smallest part already submitted.
     */
    public List<String> problems(Round round, int minExamples, List<Integer> shots) {
        Optional<FewShotRepository.SmallestPart> smallest = round.getId() == null ? Optional.empty()
                : parts.smallestPart(round.getId());
        if (smallest.isPresent() && smallest.get().examples() < minExamples) {
            FewShotRepository.SmallestPart p = smallest.get();
            return FewShotSweep.check(shots, p.examples(), "part '" + p.name() + "' of submission " + p.submissionId());
        }
        return FewShotSweep.check(shots, minExamples, "a submission of the round's minimum size");
    }

    /** Checks and stores the sweep, and queues what it changes, in one transaction; {@code Change.problems} if not. */
    @Transactional
    public Change set(Round round, List<Integer> shots, Long seed, Account actor) {
        List<String> problems = new ArrayList<>(problems(round, round.getMinExamples(), shots));
        if (!problems.isEmpty()) {
            return new Change(problems, of(round), 0);
        }
        FewShotSweep before = of(round);
        FewShotSweep sweep = new FewShotSweep(shots, seed);
        round.setFewShot(sweep.shots(), sweep.seed());
        rounds.saveAndFlush(round);
        int queued = scoring.applySweep(round.getId());
        if (!sweep.equals(before)) {
            audit.record(actor, "few-shot sweep set", round.getName(), before.describe() + " → " + sweep.describe()
                    + " (" + queued + " job(s) queued)");
        }
        return new Change(List.of(), sweep, queued);
    }
}
