package org.ladderboard.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The prize's five task types, with the columns each one requires. */
public enum TaskType {
    CLASSIFICATION("classification", List.of("prompt", "classes", "answer_index")),
    CLASSIFICATION_ACC("classification_acc", List.of("prompt", "classes", "answer_index")),
    SEQUENCE_PROB("sequence_prob", List.of("prompt", "completion")),
    LOGODDS("logodds", List.of("prompt", "other_prompt", "classes", "answer_index")),
    ABSOLUTE_LOGODDS("absolute_logodds", List.of("prompt", "other_prompt", "classes", "answer_index"));

    private final String id;
    private final List<String> requiredColumns;

    TaskType(String id, List<String> requiredColumns) {
        this.id = id;
        this.requiredColumns = requiredColumns;
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
