package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one identifier a government homepage must show, usually in its footer (网站标识码, ICP 备案号, 公安机关备案号),
 * by the patterns of {@code crawlers/checks.yml}. The whole page text is read (bounded, tail first: footers are
 * last), since some sites put them in a side bar or a 关于本站 block. Shared by the three identifier checks.
 */
final class FooterIdentifier {

    private final String check;
    private final String code;
    private final String name;
    private final String example;
    private final List<Pattern> patterns;

    /**
     * @param check   the check id
     * @param code    the problem code when missing
     * @param name    what the identifier is called (网站标识码)
     * @param example how it is written, for the correction (网站标识码：3417000001)
     */
    FooterIdentifier(String check, String code, String name, String example, List<String> patterns) {
        this.check = check;
        this.code = code;
        this.name = name;
        this.example = example;
        this.patterns = patterns.stream().map(Pattern::compile).toList();
    }

    /** The identifier as written on the page (the pattern's first group, else its match), or null. */
    String find(String text) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                String found = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                return found.strip();
            }
        }
        return null;
    }

    CheckResult check(CheckInput input) {
        if (input.homepage() == null) {
            return CheckResult.notChecked(check, "未取得首页，未能检查");
        }
        String found = find(PageTexts.tail(input.homepage()));
        if (found != null) {
            return CheckResult.judged(check, "首页标注了" + name + "：" + PageTexts.clip(found, 60), List.of(), Map.of());
        }
        String message = "首页（含页脚）未找到" + name;
        return CheckResult.judged(check, message, List.of(new CheckProblem(code, ProblemSeverity.DEDUCT, message,
                input.homepageUrl(), null, "在网站页脚标注" + name + "，如：" + example)), Map.of());
    }
}
