package org.ladderboard.app.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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

    @Transactional
    public IssuedToken issue(Account account, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String label = name == null || name.isBlank() ? "token" : name.trim();
        ApiToken token = tokens.save(new ApiToken(account, label.length() > 100 ? label.substring(0, 100) : label,
                hash(value), value.substring(0, 10)));
        return new IssuedToken(token, value);
    }

    @Transactional
    public Optional<Account> authenticate(String value) {
        return tokens.findByTokenHash(hash(value)).filter(ApiToken::isActive).filter(t -> t.getAccount().isEnabled()).map(token -> {
            token.markUsed();
            return token.getAccount();
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

    static String hash(String value) {
        return Sha256.hex(value);
    }
}
