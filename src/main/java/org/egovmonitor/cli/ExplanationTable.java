package org.egovmonitor.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionDecision;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.measure.SectionExplanation;

/**
 * {@code measure --explain}: how a homepage was read into sections, as readable Chinese tables — the sections
 * recognised (family, link text, rule, URL), then every other link with the reason it was left out, grouped by
 * reason. Pure. Crawled text is untrusted: control characters are shown as {@code ?}, so a page cannot move the
 * cursor or forge lines in the office's terminal.
 */
final class ExplanationTable {

    /** Widest a text column gets, in terminal columns (a CJK character takes two). */
    static final int MAX_TEXT_WIDTH = 30;

    private ExplanationTable() {
    }

    static String render(SectionExplanation e, SectionCatalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("网站：").append(clean(e.url()));
        if (e.finalUrl() != null && !e.finalUrl().equals(e.url())) {
            b.append("（实际读取 ").append(clean(e.finalUrl())).append('）');
        }
        b.append('\n');
        if (e.errorKind() != null || e.charset() == null) {
            b.append("  首页无法读取：").append(e.errorKind() == null ? "不是 HTML 页面" : FetchErrorKind.labelOf(e.errorKind()));
            if (e.status() > 0) {
                b.append("（HTTP ").append(e.status()).append('）');
            }
            return b.append('\n').toString();
        }
        b.append("  HTTP ").append(e.status()).append("，编码 ").append(e.charset()).append("，链接 ")
                .append(e.decisions().size()).append(" 个");
        if (e.links() != null) {
            b.append("；链接检查：").append(e.links().label());
        }
        b.append("\n\n");

        Function<String, String> familyName = id -> catalog.family(id).map(SectionFamily::name).orElse(id);
        List<String[]> taken = new ArrayList<>();
        Map<SectionDecision.Reason, List<String[]>> left = new EnumMap<>(SectionDecision.Reason.class);
        for (SectionDecision d : e.decisions()) {
            String text = d.link().text().isEmpty() ? "（无文字）" : d.link().text();
            if (d.taken()) {
                taken.add(new String[] {familyName.apply(d.family()), text, d.rule().label(), d.link().url()});
            } else {
                left.computeIfAbsent(d.reason(), r -> new ArrayList<>()).add(new String[] {text, d.link().url()});
            }
        }
        b.append("识别出的栏目（").append(taken.size()).append(" 个）\n");
        table(b, new String[] {"栏目类别", "链接文字", "识别依据", "地址"}, taken);
        b.append('\n');
        b.append("未作为栏目的链接（").append(e.decisions().size() - taken.size()).append(" 个）\n");
        left.forEach((reason, rows) -> {
            b.append("■ ").append(reason.label()).append("（").append(rows.size()).append(" 个）\n");
            table(b, new String[] {"链接文字", "地址"}, rows);
        });
        return b.toString();
    }

    private static void table(StringBuilder b, String[] header, List<String[]> rows) {
        if (rows.isEmpty()) {
            b.append("  （无）\n");
            return;
        }
        int cols = header.length;
        int[] width = new int[cols];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        for (String[] r : rows) {
            String[] cells = new String[cols];
            for (int i = 0; i < cols; i++) {
                // The last column (a URL) is never cut: it is what the reader copies.
                cells[i] = i == cols - 1 ? clean(r[i]) : cut(clean(r[i]), MAX_TEXT_WIDTH);
            }
            all.add(cells);
        }
        for (String[] r : all) {
            for (int i = 0; i < cols - 1; i++) {
                width[i] = Math.max(width[i], width(r[i]));
            }
        }
        for (String[] r : all) {
            b.append("  ");
            for (int i = 0; i < cols; i++) {
                b.append(r[i]);
                if (i < cols - 1) {
                    b.append(" ".repeat(width[i] - width(r[i]) + 2));
                }
            }
            b.append('\n');
        }
    }

    /** Control characters (C0, DEL, C1, line and paragraph separators, bidi overrides) shown as '?'. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(isControl(cp) ? '?' : cp));
        return out.toString();
    }

    private static boolean isControl(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Terminal columns: East Asian wide characters take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static String cut(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = isWide(cp) ? 2 : 1;
            if (w + cw > max - 1) {
                break;
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
