package org.ladderboard.app.award;

import java.util.Map;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The round's winners with their prize tiers (grand, second, third), chosen by organizers and audited. */
@Service
public class Winners {

    private final WinnerRepository winners;
    private final AuditLog audit;

    Winners(WinnerRepository winners, AuditLog audit) {
        this.winners = winners;
        this.audit = audit;
    }

    /**
     * Sets a submission's tier, or removes it from the winners with {@code "none"}. Only a scored submission of the
     * round can win; the audit records what changed and nothing else. False when nothing changed (no such scored
     * submission in the round, or removing one that was not a winner).
     */
    @Transactional
    public boolean choose(long roundId, long submissionId, String tier, Account organizer) {
        boolean none = tier == null || tier.isBlank() || tier.equals("none");
        int changed = none
                ? winners.delete(roundId, submissionId)
                : winners.upsertIfScored(roundId, submissionId, tier, organizer.getId());
        if (changed == 0) {
            return false;
        }
        audit.record(organizer, none ? "winner removed" : "winner", "submission " + submissionId, none ? "none" : tier);
        return true;
    }

    /** Tier by submission id, grand first. */
    public Map<Long, String> of(long roundId) {
        return winners.tiersOf(roundId);
    }
}
