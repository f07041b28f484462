package org.ladderboard.app.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.ladderboard.app.mail.Mail;
import org.ladderboard.dataset.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contestant registering: the account is created waiting for what the server asks, a confirmed e-mail address
 * when it sends mail, an organizer's approval when the organizers require it.
 */
@Service
public class SignUps {

    static final Duration LINK_VALID_FOR = Duration.ofHours(48);

    private final AccountService accounts;
    private final AccountRepository repository;
    private final RegistrationPolicy policy;
    private final Mail mail;
    private final SecureRandom random = new SecureRandom();

    SignUps(AccountService accounts, AccountRepository repository, RegistrationPolicy policy, Mail mail) {
        this.accounts = accounts;
        this.repository = repository;
        this.policy = policy;
        this.mail = mail;
    }

    /** What the new account waits for before it can sign in. */
    public record Outcome(Account account, boolean confirmationSent, boolean approvalNeeded) {
    }

    /**
     * Creates the contestant's account and mails the confirmation link ({@code linkBase} + path). A mail the server
     * does not take undoes the account: nothing is stored and the form says to try again.
     */
    @Transactional
    public Outcome register(String email, String displayName, String password, String linkBase) {
        Account account = accounts.create(email, displayName, password, Role.CONTESTANT);
        boolean approvalNeeded = policy.approvalRequired();
        account.setApproved(!approvalNeeded);
        boolean confirm = mail.enabled();
        if (confirm) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            account.awaitConfirmation(hash(token), Instant.now().plus(LINK_VALID_FOR));
            repository.saveAndFlush(account);
            mail.send(account.getEmail(), "Confirm your Ladderboard account", """
                    Someone (we hope you) registered a contestant account with this address.

                    Confirm it by opening this link within %d hours:

                    %s/register/confirm?token=%s

                    If it was not you, ignore this mail: the account cannot be used without the link.
                    """.formatted(LINK_VALID_FOR.toHours(), linkBase, token));
        }
        return new Outcome(account, confirm, approvalNeeded);
    }

    /** The link from the mail: confirms its account's address, once, while it is valid. */
    @Transactional
    public Optional<Account> confirm(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return repository.findByConfirmationTokenHash(hash(token))
                .filter(a -> a.getConfirmationExpiresAt() != null && a.getConfirmationExpiresAt().isAfter(Instant.now()))
                .map(a -> {
                    a.confirmEmail();
                    return a;
                });
    }

    /** An organizer lets a waiting account in. */
    @Transactional
    public Account approve(long id) {
        Account account = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        account.setApproved(true);
        return account;
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
