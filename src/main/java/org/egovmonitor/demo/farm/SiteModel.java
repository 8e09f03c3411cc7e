package org.egovmonitor.demo.farm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.demo.farm.FamilyCatalog.Family;

/** The drawn content of one site, from which both the pages and the truth are derived. Package-private. */
final class SiteModel {

    /** How a date is shown in an entry. */
    enum DateStyle {
        ISO, SLASH, DOT, CN, BRACKET_ISO, PAREN_ISO, BRACKET_MD, PAREN_MD, MD;

        boolean yearless() {
            return this == BRACKET_MD || this == PAREN_MD || this == MD;
        }

        /** The style to use for a date: year-less styles only for recent items (see {@link SiteTruth}). */
        DateStyle forDate(LocalDate d, LocalDate now) {
            if (yearless() && d.isBefore(now.minusDays(299))) {
                return this == MD ? ISO : this == BRACKET_MD ? BRACKET_ISO : PAREN_ISO;
            }
            return this;
        }

        String format(LocalDate d) {
            String mm = String.format("%02d", d.getMonthValue());
            String dd = String.format("%02d", d.getDayOfMonth());
            return switch (this) {
                case ISO -> d.toString();
                case SLASH -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
                case DOT -> d.getYear() + "." + mm + "." + dd;
                case CN -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
                case BRACKET_ISO -> "[" + d + "]";
                case PAREN_ISO -> "(" + d + ")";
                case BRACKET_MD -> "[" + mm + "-" + dd + "]";
                case PAREN_MD -> "(" + mm + "-" + dd + ")";
                case MD -> mm + "-" + dd;
            };
        }
    }

    /** URL shapes of a site. */
    enum UrlScheme {
        /** TRS-CMS style: /zwdt/index.html, /zwdt/index_1.html, /zwdt/200304/t20030415_123.html */
        TRS,
        /** ASP style: /list.asp?classid=3, /list.asp?classid=3&page=2, /show.asp?id=123 */
        ASP,
        /** static pages: /zwdt.htm, /zwdt_2.htm, /zwdt/123.htm */
        HTM
    }

    /** How homepage hrefs are written. */
    enum LinkForm {
        ROOT_RELATIVE, RELATIVE, ABSOLUTE
    }

    enum HeadingStyle {
        LINKED, TEXT_MORE, IMAGE_MORE
    }

    /** @param letter what became of it, for an item of an interactive section (a message); null otherwise */
    record Item(long id, String family, String title, LocalDate date, String path, int views, String source,
                Letter letter) {
    }

    /**
     * A message's fate and how its page tells it.
     *
     * @param repliedOn          the reply's day, or null when not answered by the site's "now"
     * @param replyDateShown     whether its page (and a list with reply dates) shows the reply's day
     * @param status             the status word shown for it (已回复, 办理中 …)
     * @param statusOnPage       whether its page shows that status (办理状态：…)
     * @param asker              who wrote (张先生 …)
     */
    record Letter(LocalDate repliedOn, boolean replyDateShown, String status, boolean statusOnPage, String asker) {
        boolean answered() {
            return repliedOn != null;
        }
    }

    /** How an interactive section lists its messages (what each lets a crawler read: {@link SiteTruth}). */
    enum MessageLayout {
        /** A table under a header row: 标题 | 来信时间 | [办理状态] | [回复时间]. */
        HEADER_TABLE,
        /** Rows with a status marker ([已回复]), the asked date and, answered, perhaps the reply's day after it. */
        STATUS_ROWS,
        /** Title and asked date only, like any list; the message's page tells the rest. */
        DATES_ONLY
    }

    /** Where a STATUS_ROWS row shows its status: before the title, in it ([已回复]关于…), after it. */
    enum MarkPlace {
        BEFORE, IN_TITLE, AFTER
    }

    /**
     * The message list of an interactive section.
     *
     * @param askedHeader   HEADER_TABLE: the asked date column's header
     * @param statusHeader  HEADER_TABLE: the status column's header, or null when there is none
     * @param repliedHeader HEADER_TABLE: the reply date column's header, or null when there is none
     * @param askerColumn   HEADER_TABLE: a 来信人 column after the title
     * @param mark          STATUS_ROWS: where the status shows
     * @param replyDates    STATUS_ROWS: answered rows show the reply's day after the asked date
     * @param pageTable     message pages set their facts out in a label | value table rather than inline
     */
    record Mailbox(MessageLayout layout, String askedHeader, String statusHeader, String repliedHeader,
                   boolean askerColumn, MarkPlace mark, boolean replyDates, boolean pageTable) {

        /** The link text a row shows for a message. */
        String title(Item it) {
            return layout == MessageLayout.STATUS_ROWS && mark == MarkPlace.IN_TITLE
                    ? "【" + it.letter().status() + "】" + it.title() : it.title();
        }
    }

    static final class Section {
        final Family family;
        final String title;
        final int classId;
        final List<Item> items = new ArrayList<>();
        final int pageSize;
        final DateStyle dateStyle;
        final String placeholder;
        UrlScheme scheme;
        /** How it lists messages, for an interactive section; null for the others. */
        Mailbox mailbox;

        Section(Family family, String title, int classId, int pageSize, DateStyle dateStyle, String placeholder,
                UrlScheme scheme) {
            this.family = family;
            this.title = title;
            this.classId = classId;
            this.pageSize = pageSize;
            this.dateStyle = dateStyle;
            this.placeholder = placeholder;
            this.scheme = scheme;
        }

        int pageCount() {
            return Math.max(1, (items.size() + pageSize - 1) / pageSize);
        }

        /** Path of list page {@code page} (1-based). */
        String listPath(int page) {
            String code = family.code();
            return switch (scheme) {
                case TRS -> page == 1 ? "/" + code + "/index.html" : "/" + code + "/index_" + (page - 1) + ".html";
                case ASP -> page == 1 ? "/list.asp?classid=" + classId
                        : "/list.asp?classid=" + classId + "&page=" + page;
                case HTM -> page == 1 ? "/" + code + ".htm" : "/" + code + "_" + page + ".htm";
            };
        }

        List<Item> page(int page) {
            int from = (page - 1) * pageSize;
            return items.subList(Math.min(from, items.size()), Math.min(from + pageSize, items.size()));
        }

        boolean blank() {
            return items.isEmpty();
        }
    }

    /** A block of latest items on the homepage; {@code dateStyle} null means the block shows no dates. */
    record Block(Section section, int count, HeadingStyle heading, DateStyle dateStyle) {
        List<Item> shown() {
            return section.items.subList(0, Math.min(count, section.items.size()));
        }
    }

    /** A homepage link outside the navigation and blocks. */
    record Link(String text, String url, boolean hidden, boolean broken, DecoyKind decoy) {
    }

    SiteSpec spec;
    PageLayout layout;
    PageCharset charset;
    UrlScheme scheme;
    LinkForm linkForm;
    String place;
    final List<Section> sections = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    Item imageHeadline;
    final List<Link> searchLinks = new ArrayList<>();
    final List<Link> hiddenLinks = new ArrayList<>();
    final List<Link> friendLinks = new ArrayList<>();
    final List<Link> footerLinks = new ArrayList<>();
    String beian;
    String phone;

    String homePath() {
        return switch (scheme) {
            case TRS -> "/index.html";
            case ASP -> "/index.asp";
            case HTM -> "/index.htm";
        };
    }

    String searchPath() {
        return scheme == UrlScheme.ASP ? "/search.asp" : "/search";
    }

    String abs(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String root = spec.rootUrl();
        return root.substring(0, root.length() - 1) + path;
    }

    /** An internal path as written in a homepage href. */
    String homeHref(String path) {
        return switch (linkForm) {
            case ROOT_RELATIVE -> path;
            case RELATIVE -> path.substring(1);
            case ABSOLUTE -> abs(path);
        };
    }

    /** How a site's service guides set their elements out. */
    enum GuideStyle {
        /** A label | value table, as a TRS editor pastes it from Word. */
        TABLE,
        /** 一、label：value paragraphs. */
        LABEL_LINES,
        /** 【label】value lines separated by br, as 2003 ASP pages wrote them. */
        BRACKETS
    }

    /** How this site's guides look; drawn for every site, used only when it has a service-guide section. */
    GuideStyle guideStyle;
    /** Which label of each element this site writes (index into its labels), by element. */
    int[] guideLabels;
    /** The elements (indexes into {@link TextBank#GUIDE_ELEMENTS}) a guide leaves out, by item id; absent: complete. */
    final java.util.Map<Long, java.util.SortedSet<Integer>> guideGaps = new java.util.HashMap<>();

    // ---------------------------------------------------------------- content safety (内容安全) faults

    /** A hidden block of gambling links (暗链), as hacked county sites carry; empty when the site is clean. */
    final List<Link> spamLinks = new ArrayList<>();
    /** How the block hides itself (an inline style). */
    String spamStyle;
    /** A navigation entry leading off the government's web (官方微博 → a foreign host); null when none. */
    Link foreignNavLink;
    /** A script the homepage loads from a host nobody vouches for; null when none. */
    String foreignScript;

    /** The technical-check traits (issue 17), drawn from their own random sequence: {@link TechnicalTraits}. */
    TechnicalTraits technical;
}
