package org.ladderboard.app.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Form login and HTTP Basic authenticate against accounts by email. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    public AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.findByEmail(AccountService.normaliseEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return toUser(account);
    }

    /** Signing in with the password grants the role and every token scope: the password can do anything a token can. */
    static UserDetails toUser(Account account) {
        List<String> authorities = new ArrayList<>();
        authorities.add("ROLE_" + account.getRole().name());
        for (TokenScope scope : TokenScope.values()) {
            authorities.add(scope.authority());
        }
        return User.withUsername(account.getEmail())
                .password(account.getPasswordHash())
                .authorities(authorities.toArray(String[]::new))
                .disabled(!account.isEnabled())
                // waiting for its e-mail link or an organizer's approval: the sign-in page says which
                .accountLocked(!account.isEmailConfirmed() || !account.isApproved())
                .build();
    }
}
