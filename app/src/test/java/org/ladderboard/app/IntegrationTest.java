package org.ladderboard.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.AccountService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.database.TestDatabase;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the tests that run the whole app on a real PostgreSQL. They share one database and one open round, so
 * each test makes its own accounts (quotas are per account).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery";
    public static final int ROUND_MIN_EXAMPLES = 5;
    public static final int ROUND_DAILY_LIMIT = 3;
    public static final int ROUND_FAILED_LIMIT = 4;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected RoundRepository rounds;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void openRound() {
        synchronized (IntegrationTest.class) {
            if (rounds.count() == 0) {
                Round round = new Round("Test round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
                round.setMinExamples(ROUND_MIN_EXAMPLES);
                round.setDailyLimit(ROUND_DAILY_LIMIT);
                round.setFailedDailyLimit(ROUND_FAILED_LIMIT);
                round.setLadders(Set.of("micro"));
                rounds.save(round);
            }
        }
    }

    protected Account newAccount(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        return accounts.create(email, "Test " + role.name().toLowerCase(), PASSWORD, role);
    }

    /** A clean classification CSV with {@code n} rows. */
    public static byte[] classificationCsv(int n) {
        StringBuilder csv = new StringBuilder(",prompt,classes,answer_index\n");
        for (int i = 0; i < n; i++) {
            csv.append(i).append(",\"Question ").append(i).append(":\nIs it so?\",\"[' Yes', ' No']\",").append(i % 2).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
