package org.ladderboard.checkpoint;

/** A checkpoint uses a setting the engine does not implement; we refuse rather than guess, because a guess moves scores. */
public class UnsupportedModelException extends RuntimeException {

    public UnsupportedModelException(String message) {
        super(message);
    }
}
