package org.ladderboard.validation;

import java.util.List;

import org.ladderboard.dataset.Example;

/** A part that was read: its summary, its raw bytes as uploaded (for storage and release), and its examples. */
public record ParsedPart(PartSummary summary, byte[] raw, List<Example> examples) {
}
