package org.egovmonitor.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks of broken rule files: a shipped file with one text replaced must fail with one problem at the line where
 * {@code lineOf} first stands in the broken text, naming the field and giving a Chinese reason.
 */
public final class RuleFileAssert {

    private RuleFileAssert() {
    }

    /** The shipped text with the first {@code from} replaced by {@code to}; fails when {@code from} is not there. */
    public static String broken(String shipped, String from, String to) {
        assertThat(shipped).as("the shipped file still holds the text this case breaks").contains(from);
        return shipped.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** The 1-based line where {@code text} last stands in {@code yaml} (comments above may mention it too). */
    public static int lineOf(String yaml, String text) {
        int at = yaml.lastIndexOf(text);
        assertThat(at).as("'%s' stands in the broken file", text).isNotNegative();
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * {@code load} fails naming this file, line and field with a reason starting with {@code reason} (Chinese), and
     * its message says so in the one style.
     */
    public static void failsWith(ThrowingCallable load, String file, int line, String field, String reason) {
        assertThatThrownBy(load).isInstanceOfSatisfying(RuleFileException.class, e -> {
            assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.field()).isEqualTo(field);
                assertThat(p.reason()).startsWith(reason);
            });
            assertThat(e.getMessage()).contains((file + (line > 0 ? " 第 " + line + " 行" : "")
                    + (field.isEmpty() ? "" : " " + field) + "：" + reason));
            assertThat(reason).containsPattern("\\p{IsHan}");
        });
    }
}
