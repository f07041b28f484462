package org.ladderboard.app.layout;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.leaderboard.Leaderboard;
import org.ladderboard.app.notice.Notices;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.submission.SubmissionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in account (or null) into every page's model, for the header and role-dependent links: whether a
 * judge or organizer has submissions of their own to list, whether a visitor may see the leaderboard, and how many
 * notices the account has not read.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final CurrentAccount currentAccount;
    private final SubmissionRepository submissions;
    private final RoundService rounds;
    private final Notices notices;

    PageModelAdvice(CurrentAccount currentAccount, SubmissionRepository submissions, RoundService rounds, Notices notices) {
        this.currentAccount = currentAccount;
        this.submissions = submissions;
        this.rounds = rounds;
        this.notices = notices;
    }

    @ModelAttribute
    void header(Model model) {
        Account me = currentAccount.get().orElse(null);
        model.addAttribute("me", me);
        // contestants always get the link (it is where they find their uploads); others only when they have some
        model.addAttribute("hasSubmissions", me != null && (me.getRole() == Role.CONTESTANT || submissions.existsByAccount(me)));
        model.addAttribute("unreadNotices", me == null ? 0L : notices.unreadCount(me.getId()));
        model.addAttribute("publicLeaderboard", me == null && rounds.current().map(r -> Leaderboard.shownTo(null, r)).orElse(false));
    }
}
