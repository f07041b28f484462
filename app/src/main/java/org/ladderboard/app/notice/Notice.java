package org.ladderboard.app.notice;

import java.time.Instant;

/** One notice as its recipient sees it, in the app and in the API. */
public record Notice(long id, NoticeKind kind, String title, String body, Long submissionId, Instant createdAt,
                     Instant readAt, Instant emailedAt) {

    /** The page it is about, relative to the site. */
    public String link() {
        return kind.link(submissionId);
    }

    public boolean unread() {
        return readAt == null;
    }
}
