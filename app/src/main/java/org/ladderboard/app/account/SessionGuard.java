package org.ladderboard.app.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ladderboard.app.storage.StorageTrouble;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as it no longer matches its account: the password changed since sign-in (on
 * another device, perhaps after a takeover), an organizer disabled the account, or its role changed. Each session
 * remembers the password stamp it signed in under; sign-in writes it, a password change rewrites it for the session
 * that made the change only.
 */
public class SessionGuard extends OncePerRequestFilter {

    static final String PASSWORD_STAMP = SessionGuard.class.getName() + ".passwordChangedAt";

    private final AccountRepository accounts;

    public SessionGuard(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Binds the session to the account's current password (at sign-in, and after this session changed it). */
    public static void stamp(HttpSession session, Account account) {
        session.setAttribute(PASSWORD_STAMP, account.getPasswordChangedAt().toEpochMilli());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Account> account;
        try {
            account = accounts.findByEmail(auth.getName());
        } catch (RuntimeException failure) {
            var trouble = StorageTrouble.of(failure);
            if (trouble.isEmpty()) {
                throw failure;
            }
            trouble.get().writeTo(response, false);
            return;
        }
        Object stamp = session.getAttribute(PASSWORD_STAMP);
        if (account.isEmpty() || stale(account.get(), auth, stamp)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (stamp == null) {
            // a session authenticated some other way than the sign-in form (none in production)
            stamp(session, account.get());
        }
        chain.doFilter(request, response);
    }

    private static boolean stale(Account account, Authentication auth, Object stamp) {
        boolean passwordChanged = stamp instanceof Long millis && account.getPasswordChangedAt().toEpochMilli() > millis;
        boolean roleChanged = auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_" + account.getRole().name()));
        return passwordChanged || roleChanged || !account.isEnabled();
    }
}
