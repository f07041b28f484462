package org.ladderboard.app.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code registration_policy}. */
@Repository
class RegistrationPolicyRepository {

    private final JdbcClient jdbc;

    RegistrationPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean approvalRequired() {
        return jdbc.sql("select approval_required from registration_policy where id = 1").query(Boolean.class).single();
    }

    void setApprovalRequired(boolean required) {
        jdbc.sql("update registration_policy set approval_required = ? where id = 1").param(required).update();
    }
}
