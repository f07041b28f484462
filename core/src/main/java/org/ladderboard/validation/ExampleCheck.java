package org.ladderboard.validation;

import java.util.List;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;

/**
 * A rule over parsed examples that needs something outside the file, such as a ladder's tokenizer (class tokens on a
 * token boundary, context length, classes identical after tokenization). The validator runs the ones it is given
 * after its own rules, when the file itself is readable.
 */
public interface ExampleCheck {

    void check(TaskType taskType, List<Example> examples, Findings findings);
}
