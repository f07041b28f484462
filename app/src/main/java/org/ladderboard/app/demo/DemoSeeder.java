package org.ladderboard.app.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.AccountRepository;
import org.ladderboard.app.account.AccountService;
import org.ladderboard.app.account.Role;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundRepository;
import org.ladderboard.app.submission.Cause;
import org.ladderboard.app.submission.SubmissionForm;
import org.ladderboard.app.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-command run's demo: a round open for 60 days on the configured ladders, one account per role, and the
 * bundled ladder's two probe datasets as the demo contestant's submissions. The password comes from
 * LADDERBOARD_DEMO_PASSWORD, or is generated and printed once, when the accounts are created.
 * <p>
 * Seeded once every bean is ready and before the web server opens its port, so nobody can reach a half-made demo
 * (a sign-in in that gap used to fail).
 */
@Component
@ConditionalOnProperty(name = "ladderboard.demo.enabled", havingValue = "true")
class DemoSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final List<String> EMAILS = List.of("contestant@demo", "judge@demo", "organizer@demo");

    private final DemoProperties properties;
    private final AccountService accounts;
    private final AccountRepository accountRepository;
    private final RoundRepository rounds;
    private final LadderRegistry ladders;
    private final SubmissionService submissions;

    DemoSeeder(DemoProperties properties, AccountService accounts, AccountRepository accountRepository,
               RoundRepository rounds, LadderRegistry ladders, SubmissionService submissions) {
        this.properties = properties;
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.rounds = rounds;
        this.ladders = ladders;
        this.submissions = submissions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (rounds.count() == 0) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
            Round round = new Round("Demo round", start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(60)));
            round.setDescription("Find a task where bigger language models do worse. Datasets are scored on the "
                    + "bundled micro ladder of four small models trained on the same text.");
            round.setDailyLimit(10);
            round.setLadders(new LinkedHashSet<>(ladders.all().stream().map(Ladder::name).toList()));
            rounds.save(round);
            log.info("Demo round created: open until {}", round.getClosesAt());
        }
        if (EMAILS.stream().noneMatch(accountRepository::existsByEmail)) {
            boolean generated = properties.password() == null || properties.password().isBlank();
            String password = generated ? generatePassword() : properties.password();
            accounts.createIfAbsent("contestant@demo", "Demo contestant", password, Role.CONTESTANT);
            accounts.createIfAbsent("judge@demo", "Demo judge", password, Role.JUDGE);
            accounts.createIfAbsent("organizer@demo", "Demo organizer", password, Role.ORGANIZER);
            seedProbeSubmissions();
            if (generated) {
                // printed once: later starts reuse the stored accounts and do not know the password
                log.warn("\n\n  Demo accounts contestant@demo, judge@demo, organizer@demo created with password: {}\n"
                        + "  (set LADDERBOARD_DEMO_PASSWORD to choose it; it is not shown again)\n", password);
            } else {
                log.info("Demo accounts created with the password from LADDERBOARD_DEMO_PASSWORD");
            }
        }
    }

    /**
     * The micro ladder's probes as the demo contestant's submissions, so the first run shows real curves: one that
     * scales inversely (a memorised phrase beats the instruction) and its control, which does not.
     */
    private void seedProbeSubmissions() {
        Account contestant = accountRepository.findByEmail("contestant@demo").orElseThrow();
        seed(contestant, "instructed-ending.csv", "Instructed ending (memo trap)", Cause.STRONG_PRIOR,
                "Asked to end a famous phrase with another word, larger models stick to the memorised ending.");
        seed(contestant, "plain-ending.csv", "Plain ending (control)", Cause.OTHER,
                "The same phrases with no instruction: larger models should complete them better.");
    }

    private void seed(Account contestant, String file, String name, Cause cause, String description) {
        try {
            Path path = ladders.probes().orElseThrow(() -> new IllegalStateException("no ladders file, so no probes")).resolve(file);
            SubmissionForm form = new SubmissionForm();
            form.setName(name);
            form.setTaskType("classification");
            form.setCause(cause.id());
            form.setDescription(description);
            form.setWhyInverse("Memorisation grows with scale: the strong-prior cause of the Inverse Scaling Prize paper.");
            SubmissionService.Outcome outcome = submissions.submit(contestant, form, file, Files.readAllBytes(path));
            log.info("Demo submission '{}' {}", name, outcome.accepted() ? "queued for scoring" : "rejected: " + outcome.report().errors());
        } catch (IOException | RuntimeException e) {
            log.warn("Demo submission {} not created: {}", file, e.getMessage());
        }
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
