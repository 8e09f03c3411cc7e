package org.egovmonitor.crawler.classify;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises link texts and synonyms the same way so that decoration does not defeat matching. */
final class SectionText {

    /** Whitespace (full-width and no-break included) and the decoration sites put around column names. */
    private static final Pattern DECORATION = Pattern.compile(
            "[\\s\\u00A0\\u3000\\u200B·•»«><＞＜【】\\[\\]［］()（）|｜:：\\-—_~*★☆◆◇■□●○▪►▶→+\"'“”‘’.。,，!！]+");

    private static final Pattern TRAILING_MORE = Pattern.compile("(更多|more|更多信息|更多内容|查看更多|详细)+$");

    private SectionText() {
    }

    /** Lower-case, decoration removed, a trailing 更多/more removed. May return an empty string. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = DECORATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return TRAILING_MORE.matcher(t).replaceAll("");
    }

    /** Length in code points (a CJK character counts one). */
    static int length(String normalized) {
        return normalized.codePointCount(0, normalized.length());
    }
}
