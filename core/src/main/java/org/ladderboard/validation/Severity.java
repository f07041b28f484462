package org.ladderboard.validation;

/** Errors reject the upload and store nothing; warnings are shown and the upload is accepted. */
public enum Severity {
    ERROR, WARNING
}
