package org.ladderboard.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The prize's five task types, with the columns each one requires. */
public enum TaskType {
    CLASSIFICATION("classification", "Classification (loss)", List.of("prompt", "classes", "answer_index")),
    CLASSIFICATION_ACC("classification_acc", "Classification (accuracy)", List.of("prompt", "classes", "answer_index")),
    SEQUENCE_PROB("sequence_prob", "Sequence probability", List.of("prompt", "completion")),
    LOGODDS("logodds", "Log-odds difference", List.of("prompt", "other_prompt", "classes", "answer_index")),
    ABSOLUTE_LOGODDS("absolute_logodds", "Absolute log-odds difference", List.of("prompt", "other_prompt", "classes", "answer_index"));

    private final String id;
    private final String label;
    private final List<String> requiredColumns;

    TaskType(String id, String label, List<String> requiredColumns) {
        this.id = id;
        this.label = label;
        this.requiredColumns = requiredColumns;
    }

    /** As people read it on pages, e.g. "Sequence probability"; files and the API keep {@link #id()}. */
    public String label() {
        return label;
    }

    /** The label of an id; an unknown id is shown as it is rather than hidden. */
    public static String labelOf(String id) {
        return fromId(id).map(TaskType::label).orElse(id == null ? "" : id);
    }

    /** The name used in files, forms and the API, e.g. {@code sequence_prob}. */
    public String id() {
        return id;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public boolean hasClasses() {
        return this != SEQUENCE_PROB;
    }

    public boolean isLogodds() {
        return this == LOGODDS || this == ABSOLUTE_LOGODDS;
    }

    public static Optional<TaskType> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
