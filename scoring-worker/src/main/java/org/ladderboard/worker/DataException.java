package org.ladderboard.worker;

/** The dataset itself cannot be scored: the job fails at once and the message is shown to the contestant. */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }
}
