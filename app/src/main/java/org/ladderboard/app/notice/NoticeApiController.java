package org.ladderboard.app.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's notices. Listing needs the {@code read} scope; marking read needs only {@code read} too: it changes
 * nothing but the caller's own reading state, so a read-only dashboard token may do it.
 */
@RestController
@RequestMapping("/api/notices")
@Tag(name = Tags.NOTICES)
class NoticeApiController {

    /** A notice as the API answers it; {@code link} is the page it is about, relative to the site. */
    record NoticeJson(long id, String kind, String title, String body, String link, Long submissionId,
                      String createdAt, String readAt, String emailedAt) {

        static NoticeJson of(Notice n) {
            return new NoticeJson(n.id(), n.kind().name(), n.title(), n.body(), n.link(), n.submissionId(),
                    n.createdAt().toString(), n.readAt() == null ? null : n.readAt().toString(),
                    n.emailedAt() == null ? null : n.emailedAt().toString());
        }
    }

    /** The caller's unread count and the notices listed. */
    record NoticeList(long unread, List<NoticeJson> notices) {
    }

    /** One notice marked read, and the caller's unread count after it. */
    record MarkedRead(long id, boolean read, long unread) {
    }

    /** How many notices were marked read, and the unread count after it (0). */
    record MarkedAll(int marked, long unread) {
    }

    private final Notices notices;
    private final CurrentAccount currentAccount;

    NoticeApiController(Notices notices, CurrentAccount currentAccount) {
        this.notices = notices;
        this.currentAccount = currentAccount;
    }

    /** Newest first: {@code {"unread": n, "notices": [...]}}; {@code unread=true} lists only the unread ones. */
    @GetMapping
    @Operation(summary = "The caller's notices", description = "Newest first, with the unread count; unread=true lists "
            + "only the unread ones; limit 1 to 200 (default 50).")
    @ApiResponse(responseCode = "200", description = "the notices and the unread count")
    NoticeList list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
        long me = currentAccount.require().getId();
        List<NoticeJson> listed = notices.latest(me, unread, limit).stream().map(NoticeJson::of).toList();
        return new NoticeList(notices.unreadCount(me), listed);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark a notice read", description = "The caller's own notice; needs only the read scope, since "
            + "it changes nothing but the caller's reading state. Marking it again keeps its first reading time.")
    @ApiResponse(responseCode = "200", description = "marked; the caller's unread count after it")
    @ApiResponse(responseCode = "404", description = "the caller has no such notice")
    MarkedRead read(@PathVariable long id) {
        long me = currentAccount.require().getId();
        if (!notices.markRead(id, me)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no notice " + id);
        }
        return new MarkedRead(id, true, notices.unreadCount(me));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark every notice read", description = "The caller's own; needs only the read scope.")
    @ApiResponse(responseCode = "200", description = "how many were marked")
    MarkedAll readAll() {
        long me = currentAccount.require().getId();
        int marked = notices.markAllRead(me);
        return new MarkedAll(marked, notices.unreadCount(me));
    }
}
