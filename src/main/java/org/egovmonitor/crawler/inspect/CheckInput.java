package org.egovmonitor.crawler.inspect;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.nodes.Document;

/**
 * What a check sees of one site.
 *
 * @param siteUrl      the site root asked for
 * @param homepageUrl  the homepage after redirects and entry pages
 * @param kind         the site kind
 * @param homepage     the parsed homepage (as decoded)
 * @param sections     each section the engine read: family, title, list URL and its entries
 * @param context      what the registry knows of the unit
 * @param pages        further GETs, within the check budget
 * @param now          the measurement's day
 */
public record CheckInput(String siteUrl, String homepageUrl, SiteKind kind, Document homepage,
                         List<SectionList> sections, SiteContext context, CheckPages pages, LocalDate now) {

    public CheckInput {
        sections = sections == null ? List.of() : List.copyOf(sections);
        context = context == null ? SiteContext.NONE : context;
    }

    /** The page a homepage problem is reported on: where the homepage ended after redirects, else the site's URL. */
    public String homepageOrSiteUrl() {
        return homepageUrl != null ? homepageUrl : siteUrl;
    }

    /** A section list the engine read: its family id, link text, URL and entries (title, URL, date), page order. */
    public record SectionList(String family, String title, String url, List<ListedItem> items) {
        public SectionList {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** An entry of a section list: title, its page (null when not a usable link), its date (null when none). */
    public record ListedItem(String title, String url, LocalDate date) {
    }

    /** The sections of family {@code family}, in homepage order. */
    public List<SectionList> sectionsOf(String family) {
        return sections.stream().filter(s -> family.equals(s.family())).toList();
    }
}
