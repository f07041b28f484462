package org.ladderboard.validation;

/** A data file's bytes before decoding: the upload itself, or one entry of an uploaded .zip. */
record DataFile(String fileName, byte[] bytes) {

    String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The part's label: the base name without directories or extension. */
    String partName() {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
