package org.ladderboard.app.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A bearer token for scripts; only its sha256 is stored, the token is shown once when created. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, columnDefinition = "bpchar(64)")
    private String tokenHash;

    /** The token's first characters, so its owner can tell tokens apart. */
    @Column(nullable = false)
    private String prefix;

    /** Comma-separated {@link TokenScope} values. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Account account, String name, String tokenHash, String prefix, java.util.Set<TokenScope> scopes) {
        this.account = account;
        this.scopes = TokenScope.format(scopes);
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public java.util.Set<TokenScope> getScopes() {
        return TokenScope.parse(scopes);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    void markUsed() {
        lastUsedAt = Instant.now();
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }
}
