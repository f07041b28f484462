package org.ladderboard.app.account;

import java.util.Locale;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt's limit: it reads no more of a password than this. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    public AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * The one password rule, for every form that sets one. bcrypt reads at most 72 bytes and the encoder refuses more
     * (rather than ignore the rest silently); refusing here says so, where pre-hashing would change the stored format.
     */
    public static java.util.Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of("use at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return java.util.Optional.of("use at most " + MAX_PASSWORD_BYTES + " bytes (72 plain letters or digits; accented "
                    + "letters take 2 bytes, emoji 4): the password store reads no further");
        }
        return java.util.Optional.empty();
    }

    /** Emails are compared case-insensitively: stored lower-cased and trimmed. */
    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public Account create(String email, String displayName, String password, Role role) {
        String normalised = normaliseEmail(email);
        if (accounts.existsByEmail(normalised)) {
            throw new EmailTakenException(normalised);
        }
        if (!normalised.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("'" + normalised + "' is not an email address");
        }
        passwordProblem(password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String name = displayName == null || displayName.isBlank() ? normalised : displayName.trim();
        return accounts.save(new Account(normalised, name, passwordEncoder.encode(password), role));
    }

    @Transactional
    public Account createIfAbsent(String email, String displayName, String password, Role role) {
        return accounts.findByEmail(normaliseEmail(email)).orElseGet(() -> create(email, displayName, password, role));
    }

    /** An organizer changes an account's role, or disables or re-enables it; never their own. */
    @Transactional
    public Account update(long id, Role role, boolean enabled, Account organizer) {
        if (organizer.getId().equals(id)) {
            throw new IllegalArgumentException("you cannot change your own account here");
        }
        Account account = accounts.findById(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        account.setRole(role);
        account.setEnabled(enabled);
        return account;
    }

    /**
     * The account holder changes their password, proving they know the current one. Every other session of the
     * account ends with it ({@link SessionGuard}).
     */
    @Transactional
    public Account changePassword(long accountId, String current, String replacement) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("no account " + accountId));
        if (current == null || !passwordEncoder.matches(current, account.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        passwordProblem(replacement).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        account.changePassword(passwordEncoder.encode(replacement));
        return accounts.saveAndFlush(account);
    }

    public Account byEmail(String email) {
        return accounts.findByEmail(normaliseEmail(email))
                .orElseThrow(() -> new IllegalStateException("no account " + email));
    }

    /** The current password given to authorise a change was wrong. */
    public static class WrongPasswordException extends RuntimeException {
        public WrongPasswordException() {
            super("the current password is wrong");
        }
    }

    /** An account with this email exists already. */
    public static class EmailTakenException extends RuntimeException {
        public EmailTakenException(String email) {
            super("an account with the email " + email + " exists already");
        }
    }
}
