package org.ladderboard.app.notice;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.ladderboard.app.mail.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Mails each notice whose mail is due, through {@link Mail}, on a thread of its own: a slow or unreachable SMTP
 * server never holds up the producer, and the notice is in the app whatever becomes of its mail. A failed send is
 * recorded on the notice and tried again later, at most {@link #MAX_ATTEMPTS} times in all.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.notices.enabled", havingValue = "true", matchIfMissing = true)
public class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    /** Tries per mail, the first included. */
    public static final int MAX_ATTEMPTS = 5;
    private static final int MAILS_PER_PASS = 50;

    private final NoticeRepository repository;
    private final Mail mail;
    private final String siteUrl;
    private final Duration retryAfter;
    private final long everyMs;
    private ScheduledExecutorService thread;

    NoticeMailer(NoticeRepository repository, Mail mail,
                 @Value("${ladderboard.mail.site-url:http://localhost:8080}") String siteUrl,
                 @Value("${ladderboard.notices.mail-retry-after:PT1M}") Duration retryAfter,
                 @Value("${ladderboard.notices.every-ms:10000}") long everyMs) {
        this.repository = repository;
        this.mail = mail;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.retryAfter = retryAfter;
        this.everyMs = everyMs;
    }

    @PostConstruct
    void start() {
        if (!mail.enabled()) {
            return; // no SMTP server: the producer marks no mail as due
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notice-mail");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Notice mails skipped: {}", e.toString());
            }
        }, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** Sends the mails due now; how many the server took. */
    public int sendDue() {
        if (!mail.enabled()) {
            return 0;
        }
        int sent = 0;
        List<NoticeRepository.DueMail> due;
        do {
            due = repository.takeDueMails(MAILS_PER_PASS, MAX_ATTEMPTS, retryAfter);
            for (NoticeRepository.DueMail m : due) {
                try {
                    mail.send(m.email(), subject(m), text(m));
                    repository.emailed(m.id());
                    sent++;
                } catch (Mail.MailNotSentException | IllegalArgumentException e) {
                    log.warn("Notice {} not mailed: {}", m.id(), e.getMessage());
                    repository.emailFailed(m.id(), e.getMessage());
                }
            }
        } while (due.size() == MAILS_PER_PASS);
        return sent;
    }

    static String subject(NoticeRepository.DueMail m) {
        return "Ladderboard: " + m.title();
    }

    /** The notice, a link to what it is about, and how to turn these mails off (one click, or the account page). */
    String text(NoticeRepository.DueMail m) {
        return """
                %s

                %s%s

                --
                You get this mail because e-mail notices are on for your Ladderboard account; every notice is also \
                on your notices page, %s/notices.
                Turn these mails off with one click: %s/notices/email-off?token=%s
                or untick "E-mail me each notice" on your account page, %s/account.
                """.formatted(m.body(), siteUrl, m.kind().link(m.submissionId()), siteUrl, siteUrl, m.offToken(),
                siteUrl);
    }
}
