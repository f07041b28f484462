package org.ladderboard.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private final List<int[]> strayQuotes = new ArrayList<>();

    private List<CsvReader.Record> read(String text) throws CsvSyntaxException {
        CsvReader reader = new CsvReader(text, (line, column) -> strayQuotes.add(new int[] {line, column}));
        List<CsvReader.Record> records = new ArrayList<>();
        CsvReader.Record r;
        while ((r = reader.next()) != null) {
            records.add(r);
        }
        return records;
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Record> records = read("a,b\n\"x, \"\"y\"\"\nz\",2\nplain,3\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("x, \"y\"\nz", "2");
        assertThat(records.get(1).line()).isEqualTo(2);
        // the multi-line field moves the next record's line on by one
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void crlfAndMissingFinalNewlineAreFine() throws Exception {
        List<CsvReader.Record> records = read("a,b\r\n1,2\r\n3,4");
        assertThat(records).extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws Exception {
        List<CsvReader.Record> records = read("a\n\n1\n\n\n2\n");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 3, 6);
    }

    @Test
    void emptyFieldsAndTrailingCommaAreKept() throws Exception {
        assertThat(read("a,b,c\n,,\n").get(1).fields()).containsExactly("", "", "");
    }

    @Test
    void unterminatedQuoteIsReportedWhereItOpens() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"never closed\n4,5\n"))
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("never closed");
                });
    }

    @Test
    void textAfterClosingQuoteIsReportedAtTheOffendingCharacter() {
        assertThatThrownBy(() -> read("a,b\n\"He said \"hi\" to me\",2\n"))
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(11);
                    assertThat(e.getMessage()).contains("doubled");
                });
    }

    @Test
    void quoteInsideUnquotedFieldIsKeptAndReported() throws Exception {
        List<CsvReader.Record> records = read("a,b\nsay \"hi\",2\n");
        assertThat(records.get(1).fields()).containsExactly("say \"hi\"", "2");
        assertThat(strayQuotes).hasSize(2);
        assertThat(strayQuotes.get(0)).containsExactly(2, 5);
    }
}
