package org.ladderboard.app.judging;

/** The Inverse Scaling Prize's rubric: each criterion scored 1–5 with a short note. */
public enum Rubric {
    STRENGTH("strength", "Inverse scaling strength", "How clear and monotonic is the inverse trend?"),
    GENERALITY("generality", "Generality", "Does it hold across model series (ladders)?"),
    IMPORTANCE("importance", "Importance", "Would this failure matter in real use?"),
    NOVELTY("novelty", "Novelty and surprisingness", "Is it new, and would it surprise people?"),
    COVERAGE("coverage", "Coverage", "Do the examples cover the task, not one narrow template?"),
    REPRODUCIBILITY("reproducibility", "Reproducibility", "Are the labels right and the procedure repeatable?");

    private final String column;
    private final String label;
    private final String question;

    Rubric(String column, String label, String question) {
        this.column = column;
        this.label = label;
        this.question = question;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public String question() {
        return question;
    }
}
