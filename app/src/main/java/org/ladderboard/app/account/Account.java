package org.ladderboard.app.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt = Instant.now();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "email_confirmed", nullable = false)
    private boolean emailConfirmed = true;

    @Column(nullable = false)
    private boolean approved = true;

    @Column(name = "confirmation_token_hash")
    private String confirmationTokenHash;

    @Column(name = "confirmation_expires_at")
    private Instant confirmationExpiresAt;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Role role) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the e-mail address is confirmed (always, when the server sends no mail). */
    public boolean isEmailConfirmed() {
        return emailConfirmed;
    }

    /** Whether an organizer let the account in (always, unless the organizers require approval). */
    public boolean isApproved() {
        return approved;
    }

    void setApproved(boolean approved) {
        this.approved = approved;
    }

    Instant getConfirmationExpiresAt() {
        return confirmationExpiresAt;
    }

    void awaitConfirmation(String tokenHash, Instant expiresAt) {
        this.emailConfirmed = false;
        this.confirmationTokenHash = tokenHash;
        this.confirmationExpiresAt = expiresAt;
    }

    void confirmEmail() {
        this.emailConfirmed = true;
        this.confirmationTokenHash = null;
        this.confirmationExpiresAt = null;
    }

    void setRole(Role role) {
        this.role = role;
    }

    /** When the password last changed: sessions signed in before it are no longer honoured. */
    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
    }
}
