package org.ladderboard.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartLabelsTest {

    private static final List<String[]> PARTS = List.of(new String[] {"easy", "jane-doe/easy.csv"},
            new String[] {"hard", "jane-doe/hard.csv"});

    @Test
    void aBlindViewerSeesNoFileNameInAWarningNotEvenOfAnEntryThatIsNotAPart() {
        PartLabels blind = PartLabels.of(true, "jane-doe-task.zip", PARTS);
        String warning = "entry 'Notes by Jane Doe (jane.doe@uni.edu).txt' is not a .csv or .jsonl file and was ignored";
        assertThat(blind.scrub(warning)).isEqualTo("entry (name hidden) is not a .csv or .jsonl file and was ignored")
                .doesNotContain("Jane").doesNotContain("@");
        assertThat(blind.scrub("in jane-doe/hard.csv, row 3")).isEqualTo("in Part 2, row 3");
        assertThat(blind.scrub("uploaded as jane-doe-task.zip")).isEqualTo("uploaded as dataset");
    }

    @Test
    void theAuthorAndOrganizersKeepTheRealNames() {
        PartLabels open = PartLabels.of(false, "jane-doe-task.zip", PARTS);
        String warning = "entry 'Notes by Jane Doe.txt' is not a .csv or .jsonl file and was ignored";
        assertThat(open.scrub(warning)).isEqualTo(warning);
        assertThat(open.partNames()).containsExactly("easy", "hard");
    }
}
