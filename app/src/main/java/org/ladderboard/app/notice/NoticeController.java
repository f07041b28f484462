package org.ladderboard.app.notice;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The notices page, marking notices read, the account's e-mail setting and the mails' one-click "off" link. */
@Controller
class NoticeController {

    private final Notices notices;
    private final CurrentAccount currentAccount;

    NoticeController(Notices notices, CurrentAccount currentAccount) {
        this.notices = notices;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/notices")
    String list(Model model) {
        Account me = currentAccount.require();
        model.addAttribute("notices", notices.latest(me.getId(), false, Notices.MAX_LISTED));
        model.addAttribute("emailOn", notices.emailOn(me.getId()));
        return "notice/notices";
    }

    /** Follows a notice's link, marking it read on the way. */
    @GetMapping("/notices/{id}/open")
    String open(@PathVariable long id) {
        Account me = currentAccount.require();
        Notice notice = notices.find(id, me.getId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        notices.markRead(id, me.getId());
        return "redirect:" + notice.link();
    }

    @PostMapping("/notices/{id}/read")
    String read(@PathVariable long id) {
        if (!notices.markRead(id, currentAccount.require().getId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/notices";
    }

    @PostMapping("/notices/read-all")
    String readAll() {
        notices.markAllRead(currentAccount.require().getId());
        return "redirect:/notices";
    }

    /** The account page's setting: an unticked box sends no value, so absent means off. */
    @PostMapping("/account/notices")
    String email(@RequestParam(defaultValue = "false") boolean email) {
        notices.setEmail(currentAccount.require().getId(), email);
        return "redirect:/account?notices=" + (email ? "on" : "off");
    }

    /**
     * The link in every notice mail. It asks before it acts (one button), since mail scanners open links; no
     * sign-in is needed, the token in the link is the account's own.
     */
    @GetMapping("/notices/email-off")
    String emailOffPage(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", notices.accountOfOffLink(token).isPresent());
        model.addAttribute("done", false);
        return "notice/email-off";
    }

    @PostMapping("/notices/email-off")
    String emailOff(@RequestParam(required = false) String token, Model model) {
        var account = notices.accountOfOffLink(token);
        account.ifPresent(id -> notices.setEmail(id, false));
        model.addAttribute("token", token);
        model.addAttribute("valid", account.isPresent());
        model.addAttribute("done", account.isPresent());
        return "notice/email-off";
    }
}
