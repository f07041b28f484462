package org.ladderboard.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class SafeCsvTest {

    @Test
    void formulasAreNeutralisedWhereverASpreadsheetWouldStartACell() {
        assertThat(SafeCsv.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SafeCsv.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SafeCsv.neutralise("\tx")).isEqualTo("'\tx");
        // a semicolon is the separator in many locales' Excel: the text after it starts a cell of its own
        assertThat(SafeCsv.neutralise("x;=HYPERLINK(\"http://evil.example\")")).isEqualTo("x;'=HYPERLINK(\"http://evil.example\")");
        assertThat(SafeCsv.neutralise("a; b;  @SUM(1)")).isEqualTo("a; b;'  @SUM(1)");
        // blanks a spreadsheet trims before it looks for a formula: spaces, no-break spaces, a byte-order mark, zero-width
        assertThat(SafeCsv.neutralise(" =1")).isEqualTo("' =1");
        assertThat(SafeCsv.neutralise("\u00A0=1+1")).isEqualTo("'\u00A0=1+1");
        assertThat(SafeCsv.neutralise("\uFEFF=1+1")).isEqualTo("'\uFEFF=1+1");
        assertThat(SafeCsv.neutralise("\u200B+1")).isEqualTo("'\u200B+1");
        // fullwidth signs, which CJK input methods type and spreadsheets read as their ASCII forms
        assertThat(SafeCsv.neutralise("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        assertThat(SafeCsv.neutralise("\uFF20SUM(1)")).isEqualTo("'\uFF20SUM(1)");
        // ordinary text is left alone
        assertThat(SafeCsv.neutralise("Does 2 + 2 = 4? Yes; no.")).isEqualTo("Does 2 + 2 = 4? Yes; no.");
        assertThat(SafeCsv.neutralise("")).isEmpty();
    }

    @Test
    void rowsAreWrittenNeutralised() throws Exception {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = new SafeCsv(out, List.of("a", "b"))) {
            csv.row("\u00A0=cmd", 3);
        }
        assertThat(out.toString()).isEqualTo("a,b\r\n'\u00A0=cmd,3\r\n");
    }
}
