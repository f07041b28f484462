package org.ladderboard.app.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organizers' registration setting, changed on the accounts page: whether new accounts wait for their approval. */
@Component
public class RegistrationPolicy {

    private final JdbcClient jdbc;

    RegistrationPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean approvalRequired() {
        return jdbc.sql("select approval_required from registration_policy where id = 1").query(Boolean.class).single();
    }

    public void setApprovalRequired(boolean required) {
        jdbc.sql("update registration_policy set approval_required = ? where id = 1").param(required).update();
    }
}
