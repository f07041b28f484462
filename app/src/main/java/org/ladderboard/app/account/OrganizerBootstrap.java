package org.ladderboard.app.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** A production deployment's first organizer, from LADDERBOARD_ORGANIZER_EMAIL / _PASSWORD, created once. */
@Component
class OrganizerBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganizerBootstrap.class);

    private final AccountService accounts;
    private final String email;
    private final String password;

    OrganizerBootstrap(AccountService accounts, @Value("${ladderboard.bootstrap.organizer-email:}") String email,
                       @Value("${ladderboard.bootstrap.organizer-password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        Account organizer = accounts.createIfAbsent(email, "Organizer", password, Role.ORGANIZER);
        if (organizer.getRole() != Role.ORGANIZER) {
            log.warn("{} exists with role {}; it was not made an organizer", email, organizer.getRole());
        }
    }
}
