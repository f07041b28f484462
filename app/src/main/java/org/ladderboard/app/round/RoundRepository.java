package org.ladderboard.app.round;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoundRepository extends JpaRepository<Round, Long> {

    /** Open rounds first (soonest to close), then upcoming ones, then closed ones, newest first. */
    @Query("""
            select r from Round r order by
              case when r.opensAt <= :now and r.closesAt > :now then 0 when r.opensAt > :now then 1 else 2 end,
              case when r.closesAt > :now then r.closesAt end asc,
              r.closesAt desc""")
    List<Round> byRelevance(Instant now);
}
