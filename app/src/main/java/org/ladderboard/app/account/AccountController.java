package org.ladderboard.app.account;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ladderboard.app.mail.Mail;
import org.ladderboard.app.throttle.AddressRateLimit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sign-in, contestant registration, and each account's own page with its API tokens. */
@Controller
class AccountController {

    /** The registration form; only contestants register themselves. */
    static class Registration {
        @NotBlank(message = "enter your email")
        @Email(message = "enter a valid email")
        @Size(max = 320)
        private String email;

        @Size(max = 120, message = "at most 120 characters")
        private String displayName;

        @NotBlank(message = "choose a password")
        private String password;

        private String confirm;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getConfirm() {
            return confirm;
        }

        public void setConfirm(String confirm) {
            this.confirm = confirm;
        }
    }

    private final AccountService accounts;
    private final SignUps signUps;
    private final ApiTokenService tokens;
    private final CurrentAccount currentAccount;
    private final LoginThrottle throttle;
    private final AddressRateLimit registrations;

    AccountController(AccountService accounts, SignUps signUps, ApiTokenService tokens, CurrentAccount currentAccount,
                      LoginThrottle throttle, @Qualifier("registrationLimit") AddressRateLimit registrations) {
        this.accounts = accounts;
        this.signUps = signUps;
        this.tokens = tokens;
        this.currentAccount = currentAccount;
        this.throttle = throttle;
        this.registrations = registrations;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("registration", new Registration());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registration") Registration form, BindingResult errors,
                    RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (form.getPassword() != null && !form.getPassword().isBlank()) {
            AccountService.passwordProblem(form.getPassword()).ifPresent(p -> errors.rejectValue("password", "rule", p));
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getConfirm())) {
            errors.rejectValue("confirm", "mismatch", "the two passwords differ");
        }
        if (errors.hasErrors()) {
            return "account/register";
        }
        var wait = registrations.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait.get().toSeconds()));
            errors.reject("throttled", "There were too many registrations from your network in the last while: try again in "
                    + AddressRateLimit.words(wait.get()) + ", or ask the organisers for an account.");
            return "account/register";
        }
        SignUps.Outcome outcome;
        try {
            outcome = signUps.register(form.getEmail(), form.getDisplayName(), form.getPassword(),
                    ServletUriComponentsBuilder.fromContextPath(request).toUriString());
        } catch (AccountService.EmailTakenException taken) {
            errors.rejectValue("email", "taken", "an account with this email exists already: sign in instead");
            return "account/register";
        } catch (Mail.MailNotSentException notSent) {
            response.setStatus(503);
            errors.reject("mail", "The confirmation mail could not be sent, so no account was created: try again in a few minutes.");
            return "account/register";
        }
        redirect.addAttribute("registered", "");
        if (outcome.confirmationSent()) {
            redirect.addAttribute("confirm", "");
        }
        if (outcome.approvalNeeded()) {
            redirect.addAttribute("approval", "");
        }
        redirect.addAttribute("email", AccountService.normaliseEmail(form.getEmail()));
        return "redirect:/login";
    }

    /** The link in the confirmation mail. */
    @GetMapping("/register/confirm")
    String confirm(@RequestParam(defaultValue = "") String token) {
        return signUps.confirm(token).isPresent() ? "redirect:/login?confirmed" : "redirect:/login?badlink";
    }

    @GetMapping("/account")
    String account(Model model) {
        Account account = currentAccount.require();
        model.addAttribute("account", account);
        model.addAttribute("tokens", tokens.list(account));
        model.addAttribute("scopes", TokenScope.values());
        return "account/account";
    }

    @PostMapping("/account/tokens")
    String issueToken(@RequestParam(defaultValue = "") String name,
                      @RequestParam(name = "scope", required = false) List<String> scopes, RedirectAttributes redirect) {
        Set<TokenScope> chosen;
        try {
            chosen = TokenScope.parse(scopes == null ? "" : String.join(",", scopes));
        } catch (IllegalArgumentException unknown) {
            redirect.addFlashAttribute("tokenError", unknown.getMessage());
            return "redirect:/account";
        }
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("tokenError", "tick at least one scope: a token that may do nothing is of no use");
            return "redirect:/account";
        }
        ApiTokenService.IssuedToken issued = tokens.issue(currentAccount.require(), name, chosen);
        redirect.addFlashAttribute("newToken", issued.value());
        return "redirect:/account";
    }

    /**
     * The current password proves it is the holder; this session carries on, every other one ends at its next
     * request. Tokens are revoked too unless the holder keeps them: a takeover may have made some.
     */
    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirm,
                          @RequestParam(defaultValue = "false") boolean revokeTokens,
                          HttpServletRequest request, RedirectAttributes redirect) {
        Account me = currentAccount.require();
        String address = request.getRemoteAddr();
        var wait = throttle.blockedFor(me.getEmail(), address);
        if (wait.isPresent()) {
            redirect.addFlashAttribute("passwordError", new LoginThrottledException(wait.get()).getMessage());
            return "redirect:/account";
        }
        if (!password.equals(confirm)) {
            redirect.addFlashAttribute("passwordError", "the two new passwords differ");
            return "redirect:/account";
        }
        try {
            Account changed = accounts.changePassword(me.getId(), current, password);
            throttle.succeeded(me.getEmail());
            request.changeSessionId();
            SessionGuard.stamp(request.getSession(), changed);
            int revoked = revokeTokens ? tokens.revokeAll(changed) : 0;
            redirect.addFlashAttribute("passwordChanged", revoked == 0
                    ? "Password changed. Your other sessions are signed out."
                    : "Password changed. Your other sessions are signed out and " + revoked + " API token(s) revoked.");
        } catch (AccountService.WrongPasswordException wrong) {
            throttle.failed(me.getEmail(), address);
            redirect.addFlashAttribute("passwordError", wrong.getMessage());
        } catch (IllegalArgumentException weak) {
            redirect.addFlashAttribute("passwordError", weak.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(currentAccount.require(), id);
        return "redirect:/account";
    }
}
