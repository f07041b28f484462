package org.ladderboard.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassesParserTest {

    private static List<Object> items(Object cell) {
        ClassesParser.Parsed parsed = ClassesParser.parse(cell);
        assertThat(parsed.error()).isNull();
        return parsed.items();
    }

    @Test
    void pythonListLiteralWithSingleAndDoubleQuotes() {
        assertThat(items("[' Yes', \" No\"]")).containsExactly(" Yes", " No");
        assertThat(items("[\" Mom said don't.\", ' Mom said yes.']")).containsExactly(" Mom said don't.", " Mom said yes.");
    }

    @Test
    void escapesAsPythonReadsThem() {
        assertThat(items("['\\nLine two.', ' tab\\there', ' \\'q\\'', ' \\x41\\u00e9', ' \\\\']"))
                .containsExactly("\nLine two.", " tab\there", " 'q'", " Aé", " \\");
        // unknown escapes keep their backslash, raw strings keep every backslash
        assertThat(items("[' \\d', r' \\n']")).containsExactly(" \\d", " \\n");
    }

    @Test
    void unicodeTrailingCommaTuplesAndImplicitConcatenation() {
        assertThat(items("[' café', ' naïve 😀', ' 日本',]")).containsExactly(" café", " naïve 😀", " 日本");
        assertThat(items("(' a', ' b')")).containsExactly(" a", " b");
        assertThat(items("[' a' 'b', ' c']")).containsExactly(" ab", " c");
        assertThat(items("[u' a', \"\"\" b\"\"\"]")).containsExactly(" a", " b");
    }

    @Test
    void jsonArrayStringAndRealJsonArray() {
        assertThat(items("[\" a\\u00e9\", \" b\"]")).containsExactly(" aé", " b");
        assertThat(items(List.of(" x", " y"))).containsExactly(" x", " y");
    }

    @Test
    void nonStringItemsAreReturnedForTheValidatorToName() {
        List<Object> parsed = items("[' a', 3, None]");
        assertThat(parsed.get(0)).isEqualTo(" a");
        assertThat(parsed.get(1)).isEqualTo(new PythonListLiteral.NonString("3"));
        assertThat(parsed.get(2)).isEqualTo(new PythonListLiteral.NonString("None"));
    }

    @Test
    void curlyQuoteDelimitersAreRepairedAndFlagged() {
        ClassesParser.Parsed parsed = ClassesParser.parse("[‘ Yes’, ‘ No’]");
        assertThat(parsed.items()).containsExactly(" Yes", " No");
        assertThat(parsed.curlyQuotesRepaired()).isTrue();
        // a curly apostrophe inside a class survives the repair
        ClassesParser.Parsed inner = ClassesParser.parse("[‘ don’t’, “ do”]");
        assertThat(inner.items()).containsExactly(" don’t", " do");
    }

    @Test
    void curlyQuotesInsideAValidLiteralAreLeftAlone() {
        ClassesParser.Parsed parsed = ClassesParser.parse("[' it’s', ' “quoted”']");
        assertThat(parsed.items()).containsExactly(" it’s", " “quoted”");
        assertThat(parsed.curlyQuotesRepaired()).isFalse();
    }

    @Test
    void unreadableLiteralsSayWhereTheyBreak() {
        assertThat(ClassesParser.parse("Yes, No").error()).contains("expected a list").contains("character 1");
        assertThat(ClassesParser.parse("[' Yes' ' No'").error()).contains("never closed");
        assertThat(ClassesParser.parse("[' Yes', ' No").error()).contains("never closed");
        assertThat(ClassesParser.parse("[' Yes'] extra").error()).contains("after the closing");
        assertThat(ClassesParser.parse(7L).error()).contains("must be a list");
        assertThat(ClassesParser.parse("[b' a', ' b']").error()).contains("bytes");
    }
}
