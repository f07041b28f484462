package org.ladderboard.app.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The round's winners with their prize tiers (grand, second, third), chosen by organizers and audited. */
@Service
public class Winners {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public Winners(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
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
                ? jdbc.sql("delete from winner where round_id = ? and submission_id = ?").params(roundId, submissionId).update()
                : jdbc.sql("""
                                insert into winner (round_id, submission_id, tier, chosen_by) select ?, id, ?, ? from submission
                                where id = ? and round_id = ? and status = 'SCORED'
                                on conflict (round_id, submission_id) do update set tier = excluded.tier,
                                    chosen_by = excluded.chosen_by, chosen_at = now()""")
                        .params(roundId, tier, organizer.getId(), submissionId, roundId).update();
        if (changed == 0) {
            return false;
        }
        audit.record(organizer, none ? "winner removed" : "winner", "submission " + submissionId, none ? "none" : tier);
        return true;
    }

    /** Tier by submission id, grand first. */
    public Map<Long, String> of(long roundId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select submission_id, tier from winner where round_id = ? "
                        + "order by case tier when 'grand' then 0 when 'second' then 1 else 2 end, submission_id")
                .param(roundId).query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
