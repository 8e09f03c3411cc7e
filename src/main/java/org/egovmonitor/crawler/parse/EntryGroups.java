package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Finds lists generically: groups of repeated sibling elements (same tag and class) that each hold a link — {@code li},
 * {@code tr}, {@code dd}/{@code dt}, {@code div}/{@code p}/{@code table}... — plus the 2003-style run of bare links
 * separated by {@code <br>} ({@code <a>标题</a> (04-15)<br>}). Every entry gets its link and the date written in it,
 * before year inference. Linear in the page: subtree link counts and sizes are computed bottom-up once.
 */
final class EntryGroups {

    // Parsed once: select(String) parses its query on every call, and Jsoup 1.24 clears its reader's char buffer
    // per parse; that was the measurement engine's largest CPU cost (both run once per candidate list entry).
    private static final Evaluator LISTS = QueryParser.parse("ul, ol, dl, table");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    /** An entry with more links than this is a layout block (a whole column), not a list entry. */
    static final int MAX_LINKS_PER_ENTRY = 3;

    /** An entry larger than this (in elements) is a layout block, not a list entry. */
    static final int MAX_ENTRY_ELEMENTS = 400;

    private static final Set<String> ITEM_TAGS = Set.of(
            "li", "tr", "dd", "dt", "div", "p", "table", "article", "section", "h3", "h4");

    private static final Set<String> ROW_TAGS = Set.of("li", "tr", "dd", "dt", "a");

    private static final Set<String> RUN_BREAKS = Set.of(
            "a", "br", "p", "div", "li", "tr", "td", "table", "ul", "ol", "dl", "hr", "h1", "h2", "h3", "h4");

    /**
     * A date shown as "today" rather than as an item's date: a full date with a greeting before it (今天是, 今日,
     * 现在是, 当前日期) or a weekday after it (星期四, 周四), perhaps with the time. A headline row never carries a weekday.
     */
    private static final Pattern TODAY_GREETING = Pattern.compile(
            "(?=.*(?:今天|今日|现在是|当前日期|当前时间|星期|礼拜|周[一二三四五六日天]))"
                    + "(?:(?:今天是|今天|今日|现在是|当前日期|当前时间)[:：]?\\s*)?"
                    + "(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})"
                    + "\\s*(?:(?:星期|礼拜|周)[一二三四五六日天])?\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    /** Paging and utility links are not entries: 下一页, 尾页, 1 2 3, 返回首页, 打印, 关闭窗口, more ... */
    private static final Pattern NOT_AN_ENTRY = Pattern.compile(
            "(?i)(上一?页|下一?页|前一?页|后一?页|首页|尾页|末页|最后一?页|第一页|第\\d+页|共\\d+页|跳转|转到|go|确定"
                    + "|返回|返回首页|返回顶部|返回上一?页|关闭|关闭窗口|打印|打印本页|收藏|加入收藏|设为首页|更多|more|详细"
                    + "|next|prev|previous|first|last|top|\\d{1,4}|)");

    private static final Pattern DECORATION = Pattern.compile("[\\s\\u00A0\\u3000\\p{Punct}<>«»【】〔〕（）·•…]+");

    /**
     * An entry before year inference.
     *
     * @param member the repeated element the entry was read from (the row)
     * @param link   the entry's link within it (the member itself for a bare link)
     */
    record Draft(String title, String url, DateExtractor.RawDate rawDate, Element member, Element link) {
    }

    /**
     * @param key        tag and class shared by the members
     * @param order      document position of the first member (earlier wins ties)
     * @param drafts     the entries, in document order
     * @param datedCount how many of them carry a date (counted once: lists are compared by it many times)
     */
    record Group(String key, int order, List<Draft> drafts, int datedCount) {
        Group(String key, int order, List<Draft> drafts) {
            this(key, order, drafts, (int) drafts.stream().filter(d -> d.rawDate() != null).count());
        }
    }

    private EntryGroups() {
    }

    static List<Group> find(PageScan scan) {
        Map<Element, Integer> position = new IdentityHashMap<>();
        Map<Element, int[]> stats = new IdentityHashMap<>(); // [links, elements] in the subtree
        for (int i = 0; i < scan.elements.size(); i++) {
            position.put(scan.elements.get(i), i);
        }
        for (int i = scan.elements.size() - 1; i >= 0; i--) {
            Element e = scan.elements.get(i);
            int[] s = stats.computeIfAbsent(e, k -> new int[2]);
            s[0] += isLink(e) ? 1 : 0;
            s[1] += 1;
            Element parent = e.parent();
            if (parent != null && position.containsKey(parent)) {
                int[] p = stats.computeIfAbsent(parent, k -> new int[2]);
                p[0] += s[0];
                p[1] += s[1];
            }
        }

        List<Group> groups = new ArrayList<>();
        for (Element parent : scan.elements) {
            if (scan.excluded.contains(parent) || stats.get(parent)[0] == 0) {
                continue;
            }
            Map<String, List<Element>> byKey = new LinkedHashMap<>();
            for (Element child : parent.children()) {
                int[] s = stats.get(child);
                if (s == null || scan.excluded.contains(child) || s[0] == 0) {
                    continue;
                }
                String tag = child.normalName();
                if (tag.equals("a") || (ITEM_TAGS.contains(tag) && s[0] <= MAX_LINKS_PER_ENTRY
                        && s[1] <= MAX_ENTRY_ELEMENTS && !isBlock(child, s[0], stats))) {
                    byKey.computeIfAbsent(groupKey(child), k -> new ArrayList<>()).add(child);
                }
            }
            for (Map.Entry<String, List<Element>> g : byKey.entrySet()) {
                List<Draft> drafts = new ArrayList<>();
                for (Element member : g.getValue()) {
                    draft(member).ifPresent(drafts::add);
                }
                if (!drafts.isEmpty()) {
                    groups.add(new Group(g.getKey(), position.get(g.getValue().get(0)), drafts));
                }
            }
        }
        return groups;
    }

    /**
     * A heading with a short list under it ({@code <div><h3><a>通知公告</a></h3><ul><li><a>…</a></li></ul></div>}) is a
     * block, not one entry, however few its links: it holds a list with links and a link outside that list.
     */
    private static boolean isBlock(Element member, int links, Map<Element, int[]> stats) {
        for (Element list : member.select(LISTS)) {
            if (list == member) {
                continue;
            }
            int[] s = stats.get(list);
            if (s != null && s[0] > 0 && s[0] < links) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Draft> draft(Element member) {
        boolean bare = member.normalName().equals("a");
        Element link = bare ? member : firstEntryLink(member);
        if (link == null || (bare && isNotAnEntry(LinkExtractor.linkText(link)))) {
            return Optional.empty();
        }
        String title = LinkExtractor.linkText(link);
        String url = UrlNormalizer.normalize(link.absUrl("href")).orElse(null);

        List<String> outside = bare ? runText(member) : textOutside(member, link);
        DateExtractor.RawDate raw = null;
        for (String text : outside) {
            raw = DateExtractor.rawDateOfText(text).orElse(null);
            if (raw != null) {
                break;
            }
        }
        if (raw == null) {
            raw = DateExtractor.rawDateAtEdges(String.join(" ", outside)).orElse(null);
        }
        if (raw == null) {
            raw = DateExtractor.rawDateAtEdges(title).orElse(null);
        }
        return Optional.of(new Draft(title, url, raw, member, link));
    }

    private static Element firstEntryLink(Element member) {
        for (Element a : member.select(LINKS)) {
            if (!isNotAnEntry(LinkExtractor.linkText(a))) {
                return a;
            }
        }
        return null;
    }

    /**
     * Whether an entry's row is a bar of links rather than one entry: it holds two or more links and, outside them,
     * nothing but separators ({@code |}, {@code ·}, {@code 丨}, spaces, images) — no date, no label, no sentence. The
     * navigation of a small table-layout site is such a row ({@code <td><a>首页</a></td><td>|</td><td><a>政务公开</a>
     * </td>…}); with no more than {@link #MAX_LINKS_PER_ENTRY} links it passes for one entry of whatever list its
     * table or row is grouped into (the page's stacked layout tables, the rows of an outer layout table), and its
     * first link for a headline. So does a strip of image buttons (市长信箱 | 网上办事). A headline or an article
     * stands in its row with its date, a bullet or a label, or alone. Only the homepage asks (its content lists decide
     * which links are items, not columns): on a list page a row such as {@code <a>申请表</a> | <a>下载</a>} is an
     * entry.
     */
    static boolean isLinkBar(Draft draft) {
        Element member = draft.member();
        if (member == draft.link() || member.select(LINKS).size() < 2) {
            return false;
        }
        boolean[] bar = {true};
        NodeTraversor.traverse(new NodeVisitor() {
            private int skip;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && (e.normalName().equals("a") || PageRegions.isNonContent(e))) {
                    skip++;
                } else if (skip == 0 && node instanceof TextNode t && !isSeparatorText(t.text())) {
                    bar[0] = false;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.normalName().equals("a") || PageRegions.isNonContent(e))) {
                    skip--;
                }
            }
        }, member);
        return bar[0];
    }

    /**
     * Text that only separates links: no letters or digits, except the 丨 that table navigations use as a bar; or the
     * day's date that many navigation bars print as a greeting (今天是2003年4月20日 星期日), which dates the page
     * view, not an item.
     */
    private static boolean isSeparatorText(String text) {
        return text.codePoints().noneMatch(c -> Character.isLetterOrDigit(c) && c != '丨')
                || TODAY_GREETING.matcher(text.strip()).matches();
    }

    static boolean isNotAnEntry(String linkText) {
        return NOT_AN_ENTRY.matcher(DECORATION.matcher(linkText).replaceAll("")).matches();
    }

    /** Text nodes of the member outside the chosen link (and outside scripts), in document order. */
    private static List<String> textOutside(Element member, Element link) {
        List<String> texts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skip;

            @Override
            public void head(Node node, int depth) {
                if (node == link || (node instanceof Element e && PageRegions.isNonContent(e))) {
                    skip++;
                } else if (skip == 0 && node instanceof TextNode t && !t.isBlank()) {
                    texts.add(t.text());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == link || (node instanceof Element e && PageRegions.isNonContent(e))) {
                    skip--;
                }
            }
        }, member);
        return texts;
    }

    /** For a bare link: the text that follows it up to the next link, line break or block. */
    static List<String> runText(Element link) {
        List<String> texts = new ArrayList<>();
        for (Node n = link.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof TextNode t) {
                if (!t.isBlank()) {
                    texts.add(t.text());
                }
            } else if (n instanceof Element e) {
                if (RUN_BREAKS.contains(e.normalName())) {
                    break;
                }
                String s = e.text();
                if (!s.isBlank()) {
                    texts.add(s);
                }
            }
        }
        return texts;
    }

    private static boolean isLink(Element e) {
        return e.normalName().equals("a") && e.hasAttr("href");
    }

    /**
     * List rows often alternate classes ({@code odd}/{@code even}, {@code bg1}/{@code bg2}), so {@code li}, {@code tr},
     * {@code dd}, {@code dt} group by tag alone; generic containers ({@code div}, {@code p} ...) by tag and class.
     */
    private static String groupKey(Element e) {
        String tag = e.normalName();
        if (ROW_TAGS.contains(tag)) {
            return tag;
        }
        return tag + "." + e.className().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
