package org.ladderboard.app.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ladderboard.dataset.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiTokenService {

    static final String TOKEN_PREFIX = "lb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;

    public ApiTokenService(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** A token created now: the plain value is returned once and never stored. */
    public record IssuedToken(ApiToken token, String value) {
    }

    /** A token with every scope. */
    public IssuedToken issue(Account account, String name) {
        return issue(account, name, EnumSet.allOf(TokenScope.class));
    }

    @Transactional
    public IssuedToken issue(Account account, String name, Set<TokenScope> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String label = name == null || name.isBlank() ? "token" : name.trim();
        ApiToken token = tokens.save(new ApiToken(account, label.length() > 100 ? label.substring(0, 100) : label,
                hash(value), value.substring(0, 10), scopes));
        return new IssuedToken(token, value);
    }

    @Transactional
    public Optional<ApiToken> authenticate(String value) {
        return tokens.findByTokenHash(hash(value)).filter(ApiToken::isActive).filter(t -> t.getAccount().isEnabled()).map(token -> {
            token.markUsed();
            return token;
        });
    }

    public List<ApiToken> list(Account account) {
        return tokens.findByAccountOrderByCreatedAtDesc(account);
    }

    /** Revokes one of the account's own tokens; another account's token id is treated as absent. */
    @Transactional
    public boolean revoke(Account account, long tokenId) {
        return tokens.findById(tokenId).filter(t -> t.getAccount().getId().equals(account.getId())).map(t -> {
            t.revoke();
            return true;
        }).orElse(false);
    }

    /** Every active token of the account, as after a password change that may have been a takeover. */
    @Transactional
    public int revokeAll(Account account) {
        List<ApiToken> active = tokens.findByAccountOrderByCreatedAtDesc(account).stream().filter(ApiToken::isActive).toList();
        active.forEach(ApiToken::revoke);
        return active.size();
    }

    static String hash(String value) {
        return Sha256.hex(value);
    }
}
