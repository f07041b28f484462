package org.ladderboard.app.account;

import org.springframework.stereotype.Component;

/** The organizers' registration setting, changed on the accounts page: whether new accounts wait for their approval. */
@Component
public class RegistrationPolicy {

    private final RegistrationPolicyRepository repository;

    RegistrationPolicy(RegistrationPolicyRepository repository) {
        this.repository = repository;
    }

    public boolean approvalRequired() {
        return repository.approvalRequired();
    }

    public void setApprovalRequired(boolean required) {
        repository.setApprovalRequired(required);
    }
}
