package org.ladderboard.app.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The app's one way to send e-mail: plain text from {@code ladderboard.mail.from}, through the SMTP server of
 * {@code spring.mail.*}. Without {@code spring.mail.host} there is no server, {@link #enabled()} is false and
 * whatever would be mailed is skipped by its caller (so the one-command run needs none).
 */
@Component
public class Mail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mail(ObjectProvider<JavaMailSender> sender, @Value("${ladderboard.mail.from:ladderboard@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends now; a server that refuses or cannot be reached throws {@link MailNotSentException}. */
    public void send(String to, String subject, String text) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            throw new MailNotSentException("no SMTP server is configured (spring.mail.host)", null);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            smtp.send(message);
        } catch (MailException e) {
            throw new MailNotSentException("the mail to " + to + " could not be sent: " + e.getMessage(), e);
        }
    }

    /** The SMTP server did not take the mail. */
    public static class MailNotSentException extends RuntimeException {
        public MailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
