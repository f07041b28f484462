package org.ladderboard.app.notice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * A person's notices and their e-mail choice, for the notices page, the page header, the account page and the API
 * alike. Notices are written only by {@link NoticeProducer}; here they are read and marked read.
 */
@Service
public class Notices {

    /** The most a page or an API answer lists. */
    public static final int MAX_LISTED = 200;

    private final NoticeRepository repository;

    Notices(NoticeRepository repository) {
        this.repository = repository;
    }

    public List<Notice> latest(long accountId, boolean unreadOnly, int limit) {
        return repository.latest(accountId, unreadOnly, Math.max(1, Math.min(limit, MAX_LISTED)));
    }

    public Optional<Notice> find(long id, long accountId) {
        return repository.find(id, accountId);
    }

    public long unreadCount(long accountId) {
        return repository.unreadCount(accountId);
    }

    /** False when there is no such notice of this account's. */
    public boolean markRead(long id, long accountId) {
        return repository.markRead(id, accountId);
    }

    public int markAllRead(long accountId) {
        return repository.markAllRead(accountId);
    }

    /** Whether this account wants its notices by e-mail too (the default). */
    public boolean emailOn(long accountId) {
        return repository.emailOn(accountId);
    }

    public void setEmail(long accountId, boolean on) {
        repository.setEmail(accountId, on);
    }

    /** The account a mail's "turn off" link is for; empty for a link that is not (or no longer) valid. */
    public Optional<Long> accountOfOffLink(String token) {
        try {
            return token == null ? Optional.empty() : repository.accountOfOffToken(UUID.fromString(token.strip()));
        } catch (IllegalArgumentException notAToken) {
            return Optional.empty();
        }
    }
}
