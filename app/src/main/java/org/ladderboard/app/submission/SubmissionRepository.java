package org.ladderboard.app.submission;

import java.util.Collection;
import java.util.List;

import org.ladderboard.app.account.Account;
import org.ladderboard.queue.SubmissionStatus;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    @EntityGraph(attributePaths = "round")
    List<Submission> findByAccountOrderByCreatedAtDesc(Account account);

    List<Submission> findByRound_IdAndStatusIn(long roundId, Collection<SubmissionStatus> statuses);

    boolean existsByAccount(Account account);

    /** With its round loaded, for pages that decide by the round (the public task card). */
    @EntityGraph(attributePaths = "round")
    java.util.Optional<Submission> findWithRoundById(long id);
}
