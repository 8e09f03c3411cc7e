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

    /** Text longer than this is content, not a heading (a block title, a year, a tab bar) above a list. */
    static final int MAX_HEADING_CHARS = 40;

    /**
     * How many levels of ancestors are searched for a list's heading: 2003-era blocks nest the list's table in a
     * cell of the row below the heading row (tbody, table, td, tr).
     */
    private static final int HEADING_LEVELS = 4;

    /** How many elements before the container are looked at, per level, for its heading. */
    private static final int HEADING_SIBLINGS = 4;

    /** A linked heading row names a column: as short as a column's name (see SubColumnFinder). */
    private static final int MAX_LINKED_HEADING_CHARS = 8;

    /** A heading is small: an element with more elements than this in its subtree is a block of content. */
    private static final int MAX_HEADING_ELEMENTS = 24;

    /**
     * An entry before year inference.
     *
     * @param member  the repeated element the entry was read from (the row)
     * @param link    the entry's link within it (the member itself for a bare link)
     * @param urlDate the day written in the entry's URL ({@code t20240613_1.html}), or null; only a fallback for lists
     *                that show no dates
     * @param headings the headings of the entry's group, read when first asked (few entries need theirs)
     */
    record Draft(String title, String url, DateExtractor.RawDate rawDate, Element member, Element link,
                 DateExtractor.RawDate urlDate, Headings headings) {

        /**
         * The text of the heading the entry is listed under (a block title, a year row, the tab of its panel, a table
         * caption), or null.
         */
        String heading() {
            return headings.of(member);
        }

        /** The year of the heading the entry is listed under (2024年), or null. */
        Integer headingYear() {
            return DateExtractor.yearOfHeading(heading());
        }
    }

    /**
     * @param key           tag and class shared by the members
     * @param order         document position of the first member (earlier wins ties)
     * @param drafts        the entries, in document order
     * @param datedCount    how many of them carry a date (counted once: lists are compared by it many times)
     * @param urlDatedCount how many of them have a date in their URL
     */
    record Group(String key, int order, List<Draft> drafts, int datedCount, int urlDatedCount) {
        Group(String key, int order, List<Draft> drafts) {
            this(key, order, drafts, (int) drafts.stream().filter(d -> d.rawDate() != null).count(),
                    (int) drafts.stream().filter(d -> d.urlDate() != null).count());
        }

        /** The heading the list stands under (its first entry's), or null. */
        String heading() {
            return drafts.isEmpty() ? null : drafts.get(0).heading();
        }
    }

    /**
     * The vocabulary applied to one page: the labels in front of a row's date compiled once.
     */
    private record Reading(ListVocabulary vocabulary, Pattern label) {
        static Reading of(ListVocabulary v) {
            if (v.labels().isEmpty()) {
                return new Reading(v, null);
            }
            List<String> words = new ArrayList<>(v.labels());
            words.sort((a, b) -> b.length() - a.length());
            StringBuilder alternatives = new StringBuilder();
            for (String w : words) {
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(w));
            }
            return new Reading(v, Pattern.compile("(?:" + alternatives + ")\\s*[:：]?\\s*"));
        }
    }

    private EntryGroups() {
    }

    static List<Group> find(PageScan scan) {
        return find(scan, ListVocabulary.NONE);
    }

    /** The page's groups, entries read with the vocabulary: row date labels, today banners, URL dates. */
    static List<Group> find(PageScan scan, ListVocabulary vocabulary) {
        List<Group> groups = new ArrayList<>();
        forEach(scan, vocabulary, groups::add);
        return groups;
    }

    /**
     * The page's groups as {@link #find} finds them, in the same order, each handed to {@code each} as soon as it is
     * read and kept by no one else: a page of 100,000 links has as many groups of one link besides its list, and
     * holding them all at once cost more heap than the page itself.
     */
    static void forEach(PageScan scan, ListVocabulary vocabulary, java.util.function.Consumer<Group> each) {
        Reading reading = Reading.of(vocabulary);
        // [links, elements, position]: links and elements in the subtree, the element's document position. One map
        // for all three (a page of 100,000 links has twice as many elements, and this map lives as long as the pass).
        Map<Element, int[]> stats = new IdentityHashMap<>(scan.elements.size());
        for (int i = 0; i < scan.elements.size(); i++) {
            stats.put(scan.elements.get(i), new int[] {0, 0, i});
        }
        for (int i = scan.elements.size() - 1; i >= 0; i--) {
            Element e = scan.elements.get(i);
            int[] s = stats.get(e);
            s[0] += isLink(e) ? 1 : 0;
            s[1] += 1;
            Element parent = e.parent();
            int[] p = parent == null ? null : stats.get(parent);
            if (p != null) {
                p[0] += s[0];
                p[1] += s[1];
            }
        }

        for (Element parent : scan.elements) {
            if (scan.excluded.contains(parent) || stats.get(parent)[0] == 0) {
                continue;
            }
            Map<String, List<Element>> byKey = new LinkedHashMap<>();
            for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
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
                Headings headings = new Headings(parent, g.getValue(), stats);
                for (Element member : g.getValue()) {
                    draft(member, reading, headings).ifPresent(drafts::add);
                }
                if (!drafts.isEmpty()) {
                    each.accept(new Group(g.getKey(), stats.get(g.getValue().get(0))[2], drafts));
                }
            }
        }
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

    private static Optional<Draft> draft(Element member, Reading reading, Headings heading) {
        boolean bare = member.normalName().equals("a");
        Element link = bare ? member : firstEntryLink(member);
        if (link == null || (bare && isNotAnEntry(LinkExtractor.linkText(link)))) {
            return Optional.empty();
        }
        String title = LinkExtractor.linkText(link);
        String url = UrlNormalizer.normalize(link.absUrl("href")).orElse(null);

        // The page's "today" (今天是2024年6月13日 星期四) may share a layout row with links: it dates the view, not them.
        List<String> outside = (bare ? runText(member) : textOutside(member, link)).stream()
                .filter(t -> !reading.vocabulary().isTodayText(t)).toList();
        DateExtractor.RawDate raw = null;
        for (String text : outside) {
            raw = DateExtractor.rawDateOfText(text).orElse(null);
            if (raw != null) {
                break;
            }
        }
        String joined = String.join(" ", outside);
        if (raw == null) {
            raw = DateExtractor.rawDateAtEdges(joined).orElse(null);
        }
        if (raw == null && reading.label() != null) {
            raw = labelledDate(joined, reading.label());
        }
        if (raw == null) {
            raw = DateExtractor.rawDateAtEdges(title).orElse(null);
        }
        if (raw == null) {
            raw = dateOfLinkPart(link);
        }
        DateExtractor.RawDate urlDate = reading.vocabulary().dateInUrl(url).orElse(null);
        return Optional.of(new Draft(title, url, raw, member, link, urlDate, heading));
    }

    /**
     * A date inside a link that wraps a whole card: {@code <a><h3>标题(2020-12-29)</h3><p>摘要</p></a>} or
     * {@code <a><p>标题</p><span>2020-12-29</span></a>}. The link's joined text has the date in its middle, so it is read
     * from each text-only part: a part that is a date, or a date at a part's edge (never one inside a part's text).
     */
    private static DateExtractor.RawDate dateOfLinkPart(Element link) {
        if (ChildElements.none(link)) {
            return null;
        }
        for (Element part : link.getAllElements()) {
            if (part == link || !ChildElements.none(part) || PageRegions.isNonContent(part)) {
                continue;
            }
            String text = part.text();
            DateExtractor.RawDate raw = DateExtractor.rawDateOfText(text)
                    .or(() -> DateExtractor.rawDateAtEdges(text)).orElse(null);
            if (raw != null) {
                return raw;
            }
        }
        return null;
    }

    /** The first date right after a date label anywhere in a row's text (标题 发布时间：2024-06-13 浏览：35). */
    private static DateExtractor.RawDate labelledDate(String text, Pattern label) {
        if (DateExtractor.isCopyright(text)) {
            return null;
        }
        java.util.regex.Matcher m = label.matcher(text);
        while (m.find()) {
            DateExtractor.RawDate raw = DateExtractor.rawDateAt(text, m.end()).orElse(null);
            if (raw != null) {
                return raw;
            }
        }
        return null;
    }

    /** The headings of one group's members, read on first use: most lists never need them. */
    static final class Headings {
        private final Element parent;
        private final List<Element> members;
        private final Map<Element, int[]> stats;
        private Map<Element, String> byMember;

        Headings(Element parent, List<Element> members, Map<Element, int[]> stats) {
            this.parent = parent;
            this.members = members;
            this.stats = stats;
        }

        synchronized String of(Element member) {
            if (byMember == null) {
                byMember = headings(parent, members, stats);
            }
            return byMember.get(member);
        }
    }

    /**
     * The heading each member is listed under: a short row of the same parent before it that is not an entry (a year
     * row 2024年 in a table, a sub-heading), else the heading of the parent (see {@link #heading(Element, Map)}).
     */
    private static Map<Element, String> headings(Element parent, List<Element> members, Map<Element, int[]> stats) {
        Map<Element, String> out = new IdentityHashMap<>();
        Set<Element> memberSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        memberSet.addAll(members);
        String current = null;
        boolean outerRead = false;
        for (Element child : ChildElements.of(parent)) {
            if (memberSet.contains(child)) {
                if (current == null && !outerRead) {
                    current = heading(parent, stats);
                    outerRead = true;
                }
                out.put(child, current);
            } else if (isSmall(child, stats) && !PageRegions.isNonContent(child) && !PageRegions.isHidden(child)
                    && child.select(LINKS).isEmpty()) {
                String text = DateExtractor.trim(child.text());
                if (!text.isEmpty() && text.length() <= MAX_HEADING_CHARS) {
                    current = text;
                    outerRead = true;
                }
            }
        }
        return out;
    }

    /**
     * The heading above a list's container: its table's caption, or the nearest short text before it among its
     * siblings, its parent's or grandparent's. A tab bar (several short texts: 2024年 2023年, or 政务要闻 县长信箱)
     * heads its panels in order: the container's panel number among the sibling panels before it picks the tab. A
     * longer text before the container is content: no heading.
     */
    static String heading(Element container, Map<Element, int[]> stats) {
        Element node = container;
        for (int level = 0; level < HEADING_LEVELS && node != null && node.parent() != null; level++) {
            if (node.normalName().equals("table")) {
                for (Element child : ChildElements.of(node)) {
                    if (child.normalName().equals("caption") && !child.text().isBlank()) {
                        return DateExtractor.trim(child.text());
                    }
                }
            }
            int earlierPanels = 0;
            int seen = 0;
            for (Element sib = node.previousElementSibling(); sib != null && seen < HEADING_SIBLINGS;
                 sib = sib.previousElementSibling(), seen++) {
                if (PageRegions.isNonContent(sib) || PageRegions.isHidden(sib)) {
                    continue;
                }
                // a sibling like the container is an earlier tab panel (or an earlier entry), unless it is a heading
                // row: a 2003-era table's <tr> holding the title (text or image) and 更多 before the <tr> holding
                // the list
                if (sib.normalName().equals(node.normalName()) && sib.className().equals(node.className())
                        && !isHeadingRow(sib, stats)) {
                    earlierPanels++;
                    continue;
                }
                if (!isSmall(sib, stats)) {
                    return null;
                }
                List<String> texts = new ArrayList<>();
                for (TextNode t : textNodesOf(sib)) {
                    addHeadingText(texts, t.text());
                }
                if (texts.isEmpty()) {
                    // an image heading (<img alt="县长信箱">) names its block by its alternative text
                    for (Element img : sib.select("img[alt]")) {
                        addHeadingText(texts, img.attr("alt"));
                    }
                }
                if (texts.isEmpty()) {
                    continue;
                }
                if (String.join("", texts).length() > MAX_HEADING_CHARS) {
                    return null;
                }
                return earlierPanels < texts.size() ? texts.get(earlierPanels) : null;
            }
            node = node.parent();
        }
        return null;
    }

    /**
     * Small, and no link in it is an entry (only 更多, or no link at all); or a table row whose one link is a short
     * undated title, the column's name linked to its list ({@code <tr><td><a href="/wslt.htm"><b>访客留言</b></a>}).
     */
    private static boolean isHeadingRow(Element sib, Map<Element, int[]> stats) {
        if (!isSmall(sib, stats)) {
            return false;
        }
        List<Element> entryLinks = new ArrayList<>();
        for (Element a : sib.select(LINKS)) {
            if (!isNotAnEntry(LinkExtractor.linkText(a))) {
                entryLinks.add(a);
            }
        }
        if (entryLinks.isEmpty()) {
            return true;
        }
        return sib.normalName().equals("tr") && entryLinks.size() == 1
                && DateExtractor.trim(LinkExtractor.linkText(entryLinks.get(0))).length() <= MAX_LINKED_HEADING_CHARS
                && DateExtractor.rawDatesIn(sib.text()).isEmpty();
    }

    private static void addHeadingText(List<String> texts, String raw) {
        String text = DateExtractor.trim(raw);
        if (!text.isEmpty() && !isNotAnEntry(text) && !isSeparatorText(text)) {
            texts.add(text);
        }
    }

    /** At most {@link #MAX_HEADING_ELEMENTS} elements in its subtree (elements outside the scan count as large). */
    private static boolean isSmall(Element e, Map<Element, int[]> stats) {
        int[] s = stats.get(e);
        return s != null && s[1] <= MAX_HEADING_ELEMENTS;
    }

    private static List<TextNode> textNodesOf(Element e) {
        List<TextNode> out = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skip;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el && (PageRegions.isNonContent(el) || PageRegions.isHidden(el))) {
                    skip++;
                } else if (skip == 0 && node instanceof TextNode t && !t.isBlank()) {
                    out.add(t);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && (PageRegions.isNonContent(el) || PageRegions.isHidden(el))) {
                    skip--;
                }
            }
        }, e);
        return out;
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
