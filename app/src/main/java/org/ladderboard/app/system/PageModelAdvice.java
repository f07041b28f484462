package org.ladderboard.app.system;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in account (or null) into every page's model, for the header and role-dependent links. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final CurrentAccount currentAccount;

    PageModelAdvice(CurrentAccount currentAccount) {
        this.currentAccount = currentAccount;
    }

    @ModelAttribute("me")
    Account me() {
        return currentAccount.get().orElse(null);
    }
}
