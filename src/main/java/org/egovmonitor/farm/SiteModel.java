package org.egovmonitor.farm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.egovmonitor.farm.FamilyCatalog.Family;

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

    record Item(long id, String family, String title, LocalDate date, String path, int views, String source) {
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
}
