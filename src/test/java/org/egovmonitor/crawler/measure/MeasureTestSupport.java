package org.egovmonitor.crawler.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.demo.farm.SiteTruth;
import org.egovmonitor.platform.CidrRange;

/** Settings and comparisons shared by the engine tests. */
final class MeasureTestSupport {

    private MeasureTestSupport() {
    }

    /** The shipped settings with loopback allowed, no politeness delay and short timeouts (local servers only). */
    static CrawlSettings localSettings() {
        return localSettings("");
    }

    static CrawlSettings localSettings(String extraYaml) {
        return CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                robotsCacheTtl: 1h
                """ + extraYaml).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
    }

    /**
     * The truth's fields, in the measurement's shape (entries left out: the truth does not list them). Each section
     * line carries its messages: title, URL, asked, answered, state.
     */
    record Comparable(List<String> sections, List<String> missingFamilies, String homepage,
                      SortedSet<String> brokenLinks) {
    }

    static Comparable of(SiteTruth t) {
        return new Comparable(
                t.sections().stream().map(s -> String.join(" | ", s.family(), s.title(), s.url(),
                        String.valueOf(s.status()), String.valueOf(s.newestDate()), String.valueOf(s.items()),
                        String.valueOf(s.itemsInWindow()), String.valueOf(s.blank()), s.messages().stream()
                                .map(x -> message(x.title(), x.url(), x.askedOn(), x.answeredOn(), x.state()))
                                .toList().toString())).toList(),
                t.missingFamilies(),
                t.homepage().newestDate() + " | " + t.homepage().datedItems() + " | " + t.homepage().navOnly(),
                new TreeSet<>(t.brokenLinks()));
    }

    private static String message(String title, String url, LocalDate asked, LocalDate answered,
                                  MessageState state) {
        return "\n      " + title + " " + url + " " + asked + " " + answered + " " + state;
    }

    static Comparable of(SiteMeasurement m) {
        SortedSet<String> broken = new TreeSet<>();
        m.brokenLinks().forEach(b -> broken.add(b.url()));
        return new Comparable(
                m.sections().stream().map(s -> String.join(" | ", s.family(), s.title(), s.url(),
                        String.valueOf(s.status()), String.valueOf(s.newestDate()), String.valueOf(s.items()),
                        String.valueOf(s.itemsInWindow()), String.valueOf(s.blank()), s.messages().stream()
                                .map(x -> message(x.title(), x.url(), x.askedOn(), x.answeredOn(), x.state()))
                                .toList().toString())).toList(),
                m.missingFamilies(),
                m.homepage().newestDate() + " | " + m.homepage().datedItems() + " | " + m.homepage().navOnly(),
                broken);
    }
}
