package org.ladderboard.app.account;

/** What an account may do: contestants submit, judges review, organizers run rounds. */
public enum Role {
    CONTESTANT, JUDGE, ORGANIZER
}
