package org.ladderboard.app.account;

import org.ladderboard.app.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers create judge and organizer accounts (contestants register themselves). */
@Controller
class AccountAdminController {

    private final AccountService accounts;
    private final AccountRepository repository;
    private final AuditLog audit;
    private final CurrentAccount current;
    private final SignUps signUps;
    private final RegistrationPolicy policy;

    AccountAdminController(AccountService accounts, AccountRepository repository, AuditLog audit, CurrentAccount current,
                           SignUps signUps, RegistrationPolicy policy) {
        this.accounts = accounts;
        this.repository = repository;
        this.audit = audit;
        this.current = current;
        this.signUps = signUps;
        this.policy = policy;
    }

    @GetMapping("/organizer/accounts")
    String list(Model model) {
        model.addAttribute("accounts", repository.findAllByOrderByRoleAscEmailAsc());
        model.addAttribute("approvalRequired", policy.approvalRequired());
        model.addAttribute("roles", Role.values());
        return "account/admin";
    }

    @PostMapping("/organizer/accounts")
    String create(@RequestParam String email, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam String password, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            accounts.create(email, displayName, password, role);
            audit.record(current.require(), "account created", email, role.name());
            redirect.addFlashAttribute("message", role.name().toLowerCase() + " account " + email + " created");
        } catch (AccountService.EmailTakenException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizer/accounts";
    }

    /** Whether contestants who register wait for an organizer's approval before they can sign in. */
    @PostMapping("/organizer/accounts/approval")
    String approvalSetting(@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        policy.setApprovalRequired(required);
        audit.record(current.require(), "registration setting", "approval", required ? "required" : "not required");
        redirect.addFlashAttribute("message", required ? "New accounts now wait for an organizer's approval"
                : "New accounts no longer wait for approval (those waiting still do: approve them below)");
        return "redirect:/organizer/accounts";
    }

    @PostMapping("/organizer/accounts/{id}/approve")
    String approve(@org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes redirect) {
        try {
            Account approved = signUps.approve(id);
            audit.record(current.require(), "account approved", approved.getEmail(), approved.getRole().name());
            redirect.addFlashAttribute("message", approved.getEmail() + " approved: they can sign in");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizer/accounts";
    }

    @PostMapping("/organizer/accounts/{id}")
    String update(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam Role role,
                  @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        try {
            Account changed = accounts.update(id, role, enabled, current.require());
            audit.record(current.require(), "account changed", changed.getEmail(), role.name() + (enabled ? "" : ", disabled"));
            redirect.addFlashAttribute("message", changed.getEmail() + " is now " + role.name().toLowerCase()
                    + (enabled ? "" : " (disabled)"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizer/accounts";
    }
}
