package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.parse.DateExtractor.DateMatch;
import org.egovmonitor.crawler.parse.DateExtractor.RawDate;
import org.egovmonitor.crawler.parse.MessageWords.Found;
import org.egovmonitor.crawler.parse.MessageWords.Kind;
import org.egovmonitor.crawler.parse.MessageWords.Word;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads the messages (信件, 留言) of an interactive section (市长信箱, 网上咨询 …): when each was asked, whether and when
 * it was answered. Pure; the words it reads by are data ({@code messages:} in {@code crawlers/sections.yml}).
 *
 * <h2>A list page</h2>
 * The messages are the entries of the page's main list as {@link ListPageAnalyzer} finds it, in page order. Each
 * entry's row is read as a sequence of texts — its text nodes outside the entry's link:
 * <ul>
 *   <li>In a table with a header row ({@code 标题 | 来信时间 | 办理状态 | 回复时间}), a cell is read as if written
 *       after its column's header ({@code 回复时间：2024-01-20}), so the header says which date is which and which
 *       cell is the status, in whatever order the columns come.</li>
 *   <li>A date is the asked date or the reply date when a label says so right before it (in the same text or as the
 *       whole text before: {@code <td>来信时间</td><td>2024-01-02</td>}). Unlabelled, the first date is the asked date;
 *       when the row says answered, a second, later one is the reply date.</li>
 *   <li>A status word counts when it stands alone (a cell, a span, {@code 已回复 2024-03-01}, with at most
 *       {@value #MAX_STATUS_COMPANY} other letters) or after a status label ({@code 状态：已回复}) — never inside a
 *       sentence or a title, except bracketed at either end of the title ({@code 【已回复】关于…}). Words compete by
 *       length: 未办结 is pending, never 办结. Statuses that contradict each other say nothing.</li>
 *   <li>A reply shown after a reply label ({@code 回复：感谢您的来信…}) means answered; a reply date means answered.</li>
 * </ul>
 *
 * <h2>A message's own page</h2>
 * Read the same way ({@link #withPage}), except that only labelled dates count (a page carries other dates), on the
 * page's main content (header, navigation and footer blocks left out, unless that leaves nothing). What the page
 * labels wins over what the list suggested; a state the page shows wins over the list's.
 *
 * <p>Bounded for hostile pages: at most {@code maxMessages} rows, {@value #MAX_ROW_TEXTS} texts per row,
 * {@value #MAX_PAGE_TEXTS} per page and the first {@value #MAX_TEXT_CHARS} characters of each text are read.
 */
public final class MessageListReader {

    /** Longest title kept: a hostile link text is cut here. */
    public static final int MAX_TITLE_CHARS = 300;

    /** Characters of a text that are read: labels, dates and statuses come first in a text. */
    static final int MAX_TEXT_CHARS = 400;

    /** Texts read in one list row. */
    static final int MAX_ROW_TEXTS = 40;

    /** Texts read on one message page. */
    static final int MAX_PAGE_TEXTS = 3000;

    /** Letters a stand-alone status may have around it besides labels and dates ({@code 张三 已回复}). */
    static final int MAX_STATUS_COMPANY = 4;

    /** Rows looked at, from the top of a table, for its header row. */
    static final int HEADER_SCAN_ROWS = 30;

    /** A header cell is short: a label, not a sentence (characters after spaces and punctuation are dropped). */
    static final int MAX_HEADER_CELL_CHARS = 10;

    /** Texts looked at after a reply label for the reply itself. */
    static final int REPLY_LOOKAHEAD = 3;

    /** Kinds that may head a table column: which date, which status. */
    private static final Set<Kind> COLUMN_LABELS = EnumSet.of(Kind.ASKED_LABEL, Kind.REPLIED_LABEL,
            Kind.STATUS_HEADER);

    /** A bracketed word at the start or the end of a title: {@code [已回复]关于…}, {@code 关于…（办理中）}. */
    private static final Pattern EDGE_MARK = Pattern.compile(
            "^[\\[【(（〔<《]\\s*([^\\]】)）〕>》]{1,12}?)\\s*[\\]】)）〕>》]|[\\[【(（〔<《]\\s*([^\\]】)）〕>》]{1,12}?)\\s*"
                    + "[\\]】)）〕>》]$");

    private final MessageWords words;
    private final int maxMessages;

    /**
     * @param vocabulary  the status words and labels
     * @param maxMessages rows read per list page; the rest of a longer list is not read
     */
    public MessageListReader(MessageVocabulary vocabulary, int maxMessages) {
        if (maxMessages < 0) {
            throw new IllegalArgumentException("maxMessages must be 0 or more");
        }
        this.words = new MessageWords(Objects.requireNonNull(vocabulary, "vocabulary"));
        this.maxMessages = maxMessages;
    }

    /**
     * The messages of an interactive section's list page, in page order, at most {@code maxMessages}. Every entry
     * is returned, messages or not; {@link MessageEntry#isMessage()} tells them apart once their pages are read.
     */
    public List<MessageEntry> read(ListPageAnalyzer.MainList list, LocalDate now) {
        DateExtractor dates = new DateExtractor(now);
        Tables tables = new Tables();
        List<MessageEntry> out = new ArrayList<>();
        for (EntryGroups.Draft d : list.drafts()) {
            if (out.size() >= maxMessages) {
                break;
            }
            List<String> texts = d.member() == d.link() ? EntryGroups.runText(d.link())
                    : texts(d.member(), d.link(), Scope.ROW, tables, MAX_ROW_TEXTS);
            Reading r = new Reading(texts.subList(0, Math.min(texts.size(), MAX_ROW_TEXTS)));
            r.readTitle(d.title());
            out.add(r.asListed(cut(d.title(), MAX_TITLE_CHARS), d.url(), dates, list.dateContext()));
        }
        return out;
    }

    /** The message as its own page shows it, over what its list showed ({@code listed}). */
    public MessageEntry withPage(MessageEntry listed, Document page, LocalDate now) {
        return withPage(listed, readPage(page, now));
    }

    /**
     * What a message's own page shows, labelled: its asked and reply dates and its state. Small, so that a page can
     * be dropped as soon as it is read.
     */
    public MessagePage readPage(Document page, LocalDate now) {
        Element root = page.body() != null ? page.body() : page;
        Reading r = new Reading(texts(root, null, Scope.PAGE_CONTENT, new Tables(), MAX_PAGE_TEXTS));
        if (!r.foundAnything()) {
            // Everything looked like boilerplate: the names were misleading (a wrapper called "top").
            r = new Reading(texts(root, null, Scope.PAGE, new Tables(), MAX_PAGE_TEXTS));
        }
        DateExtractor dates = new DateExtractor(now);
        LocalDate context = dates.newestFullDateIn(String.join(" ", r.texts)).orElse(null);
        return new MessagePage(resolve(r.asked, dates, context), resolve(r.replied, dates, context), r.said());
    }

    /**
     * What a message's own page shows.
     *
     * @param askedOn    the labelled asked date, or null
     * @param answeredOn the labelled reply date, or null
     * @param state      the state its statuses or reply show, UNKNOWN when they show none
     */
    public record MessagePage(LocalDate askedOn, LocalDate answeredOn, MessageState state) {
    }

    /** The listed message with what its page labels: the page's dates and state win over the list's. */
    public static MessageEntry withPage(MessageEntry listed, MessagePage page) {
        return finish(listed.title(), listed.url(), page.askedOn() != null ? page.askedOn() : listed.askedOn(),
                page.answeredOn() != null ? page.answeredOn() : listed.answeredOn(),
                page.state() != MessageState.UNKNOWN ? page.state() : listed.state());
    }

    /** A reply before the question is a typo, not a reply date; a reply date means answered. */
    private static MessageEntry finish(String title, String url, LocalDate askedOn, LocalDate answeredOn,
                                       MessageState said) {
        LocalDate answered = answeredOn != null && askedOn != null && answeredOn.isBefore(askedOn) ? null : answeredOn;
        return new MessageEntry(title, url, askedOn, answered, answered != null ? MessageState.ANSWERED : said);
    }

    private static LocalDate resolve(RawDate raw, DateExtractor dates, LocalDate context) {
        return raw == null ? null : dates.resolve(raw, context).orElse(null);
    }

    // ------------------------------------------------------------------------------------------- reading texts

    /** What a row's or a page's texts say, read in order. */
    private final class Reading {
        final List<String> texts;
        RawDate asked;
        int askedRank = Integer.MAX_VALUE;
        RawDate replied;
        final List<RawDate> loose = new ArrayList<>();
        final Set<MessageState> statuses = EnumSet.noneOf(MessageState.class);
        boolean replyShown;

        Reading(List<String> texts) {
            this.texts = texts.stream().map(t -> cut(t, MAX_TEXT_CHARS)).toList();
            for (int i = 0; i < this.texts.size(); i++) {
                String t = this.texts.get(i);
                String previous = i > 0 ? this.texts.get(i - 1) : "";
                List<DateMatch> dates = DateExtractor.rawDatesIn(t);
                readDates(t, previous, dates);
                readStatuses(t, previous, dates);
                readReply(i, t);
            }
        }

        boolean foundAnything() {
            return asked != null || replied != null || !statuses.isEmpty() || replyShown;
        }

        private void readDates(String t, String previous, List<DateMatch> dates) {
            int from = 0;
            for (DateMatch d : dates) {
                String before = t.substring(from, d.start());
                Word label = words.suffix(before);
                if (label == null && from == 0 && LinkExtractor.letterCount(before) == 0) {
                    label = labelAtEnd(previous);
                }
                if (label != null && label.kind() == Kind.ASKED_LABEL) {
                    if (label.rank() < askedRank) {
                        asked = d.raw();
                        askedRank = label.rank();
                    }
                } else if (label != null && label.kind() == Kind.REPLIED_LABEL) {
                    if (replied == null) {
                        replied = d.raw();
                    }
                } else {
                    loose.add(d.raw());
                }
                from = d.end();
            }
        }

        /** The label a text ends with after its last date ({@code 来信时间：} for the date in the next text). */
        private Word labelAtEnd(String previous) {
            List<DateMatch> dates = DateExtractor.rawDatesIn(previous);
            String tail = dates.isEmpty() ? previous : previous.substring(dates.get(dates.size() - 1).end());
            Word w = words.suffix(tail);
            return w != null && w.kind().isLabel() ? w : null;
        }

        private void readStatuses(String t, String previous, List<DateMatch> dates) {
            List<Found> found = words.scan(t);
            if (found.stream().noneMatch(f -> f.word().kind().isStatus())) {
                return;
            }
            int company = lettersBesides(t, found, dates);
            for (Found f : found) {
                if (!f.word().kind().isStatus() || inside(f, dates)) {
                    continue;
                }
                String before = t.substring(0, f.start());
                Word label = words.suffix(before);
                boolean labelled = (label != null && label.kind() == Kind.STATUS_HEADER)
                        || (LinkExtractor.letterCount(before) == 0 && isStatusHeader(labelAtEnd(previous)));
                if (labelled || (delimited(t, f) && company <= MAX_STATUS_COMPANY)) {
                    statuses.add(stateOf(f.word().kind()));
                }
            }
        }

        /** {@code 答复内容：…}: a reply label followed by the reply (in the same text or the next ones). */
        private void readReply(int i, String t) {
            Found label = words.prefix(t);
            if (label == null || label.word().kind() != Kind.REPLY_LABEL) {
                return;
            }
            String rest = t.substring(label.end()).strip();
            if (!rest.isEmpty() && rest.charAt(0) != '：' && rest.charAt(0) != ':') {
                return; // 答复单位 is not the label 答复
            }
            String content = rest.isEmpty() ? "" : rest.substring(1).strip();
            if (LinkExtractor.letterCount(content) > 0) {
                reply(content);
                return;
            }
            for (int j = i + 1; j < texts.size() && j <= i + REPLY_LOOKAHEAD; j++) {
                String next = texts.get(j);
                List<Found> found = words.scan(next);
                if (lettersBesides(next, found, DateExtractor.rawDatesIn(next)) == 0
                        && found.stream().noneMatch(f -> f.word().kind().isStatus())) {
                    continue; // a date or a labelled date (回复时间：2024-01-20) between the label and the reply
                }
                Found first = words.prefix(next);
                if ((first != null && first.word().kind().isLabel())
                        || EntryGroups.isNotAnEntry(next)) {
                    return; // the next field, or 打印/关闭: nothing was replied
                }
                reply(next);
                return;
            }
        }

        /** A reply text that is only a status (暂无回复) is that status; anything else is a reply. */
        private void reply(String content) {
            List<Found> found = words.scan(content);
            int company = lettersBesides(content, found, DateExtractor.rawDatesIn(content));
            for (Found f : found) {
                if (f.word().kind().isStatus() && company <= MAX_STATUS_COMPANY) {
                    statuses.add(stateOf(f.word().kind()));
                    return;
                }
            }
            if (LinkExtractor.letterCount(content) >= 2) {
                replyShown = true;
            }
        }

        /** A bracketed status at either end of the title; a date at its edges when the row has no other date. */
        void readTitle(String title) {
            Matcher m = EDGE_MARK.matcher(title.strip());
            while (m.find()) {
                String inner = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
                Word w = inner.isEmpty() ? null : words.longestAt(inner, 0);
                if (w != null && w.kind().isStatus() && w.text().length() == inner.length()) {
                    statuses.add(stateOf(w.kind()));
                }
            }
            if (asked == null && replied == null && loose.isEmpty()) {
                DateExtractor.rawDateAtEdges(title).ifPresent(loose::add);
            }
        }

        /** What the texts say about the reply: contradicting statuses say nothing; a shown reply means answered. */
        MessageState said() {
            if (statuses.size() == 1) {
                return statuses.iterator().next();
            }
            return statuses.isEmpty() && replyShown ? MessageState.ANSWERED : MessageState.UNKNOWN;
        }

        MessageEntry asListed(String title, String url, DateExtractor dates, LocalDate context) {
            LocalDate askedOn = resolve(asked, dates, context);
            LocalDate answeredOn = resolve(replied, dates, context);
            List<LocalDate> unlabelled = new ArrayList<>();
            for (RawDate raw : loose) {
                LocalDate d = resolve(raw, dates, context);
                if (d != null) {
                    unlabelled.add(d);
                }
            }
            if (askedOn == null && !unlabelled.isEmpty()) {
                askedOn = unlabelled.remove(0);
            }
            MessageState said = said();
            if (answeredOn == null && said == MessageState.ANSWERED && askedOn != null) {
                LocalDate from = askedOn;
                answeredOn = unlabelled.stream().filter(d -> !d.isBefore(from)).max(LocalDate::compareTo)
                        .orElse(null);
            }
            return finish(title, url, askedOn, answeredOn, said);
        }
    }

    private static MessageState stateOf(Kind kind) {
        return kind == Kind.ANSWERED ? MessageState.ANSWERED : MessageState.PENDING;
    }

    private static boolean isStatusHeader(Word w) {
        return w != null && w.kind() == Kind.STATUS_HEADER;
    }

    private static boolean inside(Found f, List<DateMatch> dates) {
        return dates.stream().anyMatch(d -> f.start() < d.end() && d.start() < f.end());
    }

    /** Not part of a longer word: no letter or digit just before, no letter just after (a date may follow). */
    private static boolean delimited(String t, Found f) {
        return (f.start() == 0 || !Character.isLetterOrDigit(t.charAt(f.start() - 1)))
                && (f.end() == t.length() || !Character.isLetter(t.charAt(f.end())));
    }

    /** Letters of {@code t} outside the vocabulary's words and the dates. */
    private static int lettersBesides(String t, List<Found> found, List<DateMatch> dates) {
        boolean[] covered = new boolean[t.length()];
        for (Found f : found) {
            Arrays.fill(covered, f.start(), f.end(), true);
        }
        for (DateMatch d : dates) {
            Arrays.fill(covered, d.start(), d.end(), true);
        }
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (!covered[i] && Character.isLetter(t.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ------------------------------------------------------------------------------------------- collecting texts

    /** What of a row or a page is read. */
    private enum Scope {
        /** A list row: everything but the entry's own link. */
        ROW,
        /** A message page: its main content without links (buttons such as 回复 and 打印, other messages). */
        PAGE_CONTENT,
        /** A message page whose block names were misleading: all of it but links. */
        PAGE;

        boolean leaves(Element e, Element skip) {
            return e == skip || PageRegions.isNonContent(e) || PageRegions.isHidden(e)
                    || (this == PAGE_CONTENT && PageRegions.isBoilerplate(e))
                    || (this != ROW && e.normalName().equals("a") && e.hasAttr("href"));
        }
    }

    /**
     * The texts of {@code root} in document order, {@code skip} (the entry's link) left out: each text node and each
     * image's alt. In a table with a header row, a cell's first text is prefixed with its column's label.
     */
    private List<String> texts(Element root, Element skip, Scope scope, Tables tables, int max) {
        List<String> out = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            private String label;
            private Element labelledCell;

            @Override
            public FilterResult head(Node node, int depth) {
                if (out.size() >= max) {
                    return FilterResult.STOP;
                }
                if (node instanceof Element e) {
                    if (scope.leaves(e, skip)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.normalName().equals("td") || e.normalName().equals("th")) {
                        label = tables.labelOf(e).orElse(null);
                        labelledCell = e;
                    } else if (e.normalName().equals("img")) {
                        add(e.attr("alt"));
                    }
                } else if (node instanceof TextNode t && !t.isBlank()) {
                    add(t.text());
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node == labelledCell) {
                    label = null;
                }
                return FilterResult.CONTINUE;
            }

            private void add(String raw) {
                String text = LinkExtractor.collapse(raw);
                if (text.isEmpty()) {
                    return;
                }
                out.add(label != null && !startsWithLabel(text) ? label + "：" + text : text);
                label = null;
            }
        }, root);
        return out;
    }

    private boolean startsWithLabel(String text) {
        Found f = words.prefix(text);
        return f != null && f.word().kind().isLabel();
    }

    /** Header rows of the tables met while reading, found once per row group. */
    private final class Tables {
        private final Map<Element, Optional<Header>> headers = new IdentityHashMap<>();

        /** The header label of the cell's column, when its table has a header row above the cell's row. */
        Optional<String> labelOf(Element cell) {
            Element row = cell.parent();
            if (row == null || !row.normalName().equals("tr") || row.parent() == null) {
                return Optional.empty();
            }
            Optional<Header> header = headers.computeIfAbsent(row.parent(), this::findHeader);
            if (header.isEmpty() || header.get().notAfter().contains(row)) {
                return Optional.empty();
            }
            return header.get().labelAt(column(row, cell));
        }

        /** Among the first rows of a row group, or in the {@code thead} before it: a row of column labels. */
        private Optional<Header> findHeader(Element group) {
            Set<Element> before = Collections.newSetFromMap(new IdentityHashMap<>());
            int rows = 0;
            for (Element row : ChildElements.of(group)) {
                if (rows++ >= HEADER_SCAN_ROWS) {
                    break;
                }
                before.add(row);
                if (row.normalName().equals("tr") && isHeaderRow(row)) {
                    return Optional.of(new Header(labels(row), before));
                }
            }
            Element previous = group.previousElementSibling();
            if (group.normalName().equals("tbody") && previous != null && previous.normalName().equals("thead")) {
                for (Element row : ChildElements.of(previous)) {
                    if (row.normalName().equals("tr") && isHeaderRow(row)) {
                        return Optional.of(new Header(labels(row), Set.of()));
                    }
                }
            }
            return Optional.empty();
        }

        /** Short cells, one at least naming a date or a status, no date and no status value among them. */
        private boolean isHeaderRow(Element row) {
            List<Element> cells = cells(row);
            if (cells.size() < 2) {
                return false;
            }
            boolean labelled = false;
            for (Element c : cells) {
                String text = cut(LinkExtractor.collapse(c.text()), MAX_TEXT_CHARS);
                if (!DateExtractor.rawDatesIn(text).isEmpty()) {
                    return false;
                }
                List<Found> found = words.scan(text);
                if (found.stream().anyMatch(f -> f.word().kind().isStatus())) {
                    return false;
                }
                labelled |= columnLabel(text) != null;
            }
            return labelled;
        }

        private String columnLabel(String cellText) {
            if (compact(cellText).length() > MAX_HEADER_CELL_CHARS) {
                return null;
            }
            for (Found f : words.scan(cellText)) {
                if (COLUMN_LABELS.contains(f.word().kind())) {
                    return f.word().text();
                }
            }
            return null;
        }

        private List<String> labels(Element row) {
            List<String> byColumn = new ArrayList<>();
            for (Element c : cells(row)) {
                String label = columnLabel(LinkExtractor.collapse(c.text()));
                for (int i = 0; i < span(c); i++) {
                    byColumn.add(label);
                }
            }
            return byColumn;
        }
    }

    /**
     * @param labels    the label of each column position (null for a column without one)
     * @param notAfter  the rows it does not apply to: itself and those above it
     */
    private record Header(List<String> labels, Set<Element> notAfter) {
        Optional<String> labelAt(int column) {
            return column < 0 || column >= labels.size() ? Optional.empty() : Optional.ofNullable(labels.get(column));
        }
    }

    private static List<Element> cells(Element row) {
        List<Element> cells = new ArrayList<>();
        for (Element c : ChildElements.of(row)) {
            if (c.normalName().equals("td") || c.normalName().equals("th")) {
                cells.add(c);
            }
        }
        return cells;
    }

    /** The first column position of {@code cell} in its row, counting column spans. */
    private static int column(Element row, Element cell) {
        int column = 0;
        for (Element c : cells(row)) {
            if (c == cell) {
                return column;
            }
            column += span(c);
        }
        return -1;
    }

    private static int span(Element cell) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(cell.attr("colspan").trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
