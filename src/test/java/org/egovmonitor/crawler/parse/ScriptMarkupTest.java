package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptMarkupTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("document.write('<a href=\"/a/\">通知公告</a>');",
                        "<a href=\"/a/\">通知公告</a>"),
                Arguments.of("document.writeln(\"<li>\" + '<a href=/b/>政策</a>' + \"</li>\")",
                        "<li><a href=/b/>政策</a></li>"),
                Arguments.of("var str3='依申请公开'; document.write('<a href=\"../ysqgk/\">'+str3+'</a>');",
                        "<a href=\"../ysqgk/\">依申请公开</a>"),
                Arguments.of("var s = '<a href=\"/x/\">'; s += '新闻</a>'; el.innerHTML = s;",
                        "<a href=\"/x/\">新闻</a>"),
                Arguments.of("var h = '<ul>'+\n'<li><a href=\"/zwgk/\">政务公开</a></li>'+\n'</ul>';\n$('#h')[0].innerHTML = h;",
                        "<ul><li><a href=\"/zwgk/\">政务公开</a></li></ul>"),
                Arguments.of("document.write('<a href=\"/t/\">' + getTitle(1, ')') + '</a>')",
                        "<a href=\"/t/\"></a>"),
                Arguments.of("document.write('\\u901a\\u77e5\\x3c/a>')",
                        "通知</a>"),
                Arguments.of("if (a == 'b') { x = 1; }",
                        ""),
                Arguments.of("var t = new Date(); document.write(t.getFullYear() + '年')",
                        "年"),
                Arguments.of("el.insertAdjacentHTML('beforeend', '<a href=\"/q/\">互动</a>')",
                        "<a href=\"/q/\">互动</a>"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scripts")
    void written_script_givesTheMarkupItWrites(String script, String expected) {
        assertThat(new ScriptMarkup().written(script)).isEqualTo(expected);
    }

    @Test
    void written_variableFromAnEarlierScript_isKnownLater() {
        ScriptMarkup page = new ScriptMarkup();
        assertThat(page.written("var header = '<a href=\"/zwgk/\">政务公开</a>';")).isEmpty();
        assertThat(page.written("document.getElementById('h').innerHTML = header;"))
                .isEqualTo("<a href=\"/zwgk/\">政务公开</a>");
    }

    @Test
    void written_hugeOrRunawayScripts_stayBounded() {
        String big = "document.write('" + "x".repeat(ScriptMarkup.MAX_SCRIPT_CHARS) + "')";
        assertThat(new ScriptMarkup().written(big)).isEmpty();
        ScriptMarkup page = new ScriptMarkup();
        String chunk = "document.write('" + "y".repeat(100_000) + "');";
        int total = 0;
        for (int i = 0; i < 20; i++) {
            total += page.written(chunk).length();
        }
        assertThat(total).isLessThanOrEqualTo(ScriptMarkup.MAX_OUTPUT_CHARS);
        // Unterminated literals and parentheses end at the script's end.
        assertThat(new ScriptMarkup().written("document.write('<a href=\"/a/\">x")).isEqualTo("<a href=\"/a/\">x");
        assertThat(new ScriptMarkup().written("document.write(f((((")).isEmpty();
    }
}
