package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.crawler.check.LinkCheckReport;
import org.egovmonitor.crawler.check.LinkCheckResult;
import org.egovmonitor.crawler.check.LinkChecker;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.measure.SiteMeasurement.BrokenLink;
import org.egovmonitor.crawler.measure.SiteMeasurement.LinkCheck;
import org.egovmonitor.crawler.parse.PageLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the homepage's distinct links, each once (internal or external, hidden ones included: a visitor's browser
 * or a search engine follows them too). A link already fetched with a GET in this measurement (the homepage, a
 * section page) is judged by that response and an unusable URL is broken without a request; neither costs a check.
 * Of the rest at most {@code maxLinkChecks} are requested through the {@link LinkChecker}: a {@link LinkSample} in
 * stable hash order, whose size the measurement reports.
 */
final class HomepageLinkChecker {

    private static final Logger LOG = LoggerFactory.getLogger(HomepageLinkChecker.class);

    private final LinkChecker linkChecker;
    private final int maxLinkChecks;

    HomepageLinkChecker(LinkChecker linkChecker, int maxLinkChecks) {
        this.linkChecker = linkChecker;
        this.maxLinkChecks = maxLinkChecks;
    }

    /** Every link checked, in homepage order; those broken; and how many distinct links were left unchecked. */
    record Checked(List<LinkCheck> all, List<BrokenLink> broken, int notChecked) {
    }

    /** Which links are judged without a request ({@code known}), and which are requested ({@code toCheck}). */
    private record Plan(Set<String> distinct, Map<String, LinkCheck> known, List<URI> toCheck) {
        LinkSample sample() {
            return new LinkSample(distinct.size(), known.size() + toCheck.size());
        }
    }

    Checked check(List<PageLink> links, SiteFetches site) {
        Plan plan = plan(links, site);
        Map<String, LinkCheck> checked = new HashMap<>();
        if (!plan.toCheck().isEmpty()) {
            LinkCheckReport report = linkChecker.check(plan.toCheck(), plan.toCheck().size());
            for (int i = 0; i < report.results().size(); i++) {
                LinkCheckResult r = report.results().get(i);
                checked.put(plan.toCheck().get(i).toString(), new LinkCheck(r.url(), r.status(), r.error(),
                        r.broken()));
            }
        }
        List<LinkCheck> all = new ArrayList<>();
        List<BrokenLink> broken = new ArrayList<>();
        for (String url : plan.distinct()) {
            LinkCheck c = plan.known().get(url);
            if (c == null) {
                URI uri = MeasurementEngine.toUri(url);
                c = uri == null ? null : checked.get(uri.toString());
            }
            if (c == null) {
                continue;
            }
            all.add(c);
            if (c.broken()) {
                broken.add(new BrokenLink(url, c.status() > 0 ? c.status() : null, c.error()));
            }
        }
        int notChecked = plan.distinct().size() - plan.known().size() - plan.toCheck().size();
        if (notChecked > 0) {
            LOG.info("{}: {} distinct homepage links, {} checked as a sample (maxLinkChecksPerSite {})",
                    site.siteUrl(), plan.distinct().size(), plan.known().size() + plan.toCheck().size(),
                    maxLinkChecks);
        }
        return new Checked(all, broken, notChecked);
    }

    /** How many of the homepage's distinct links {@link #check} would judge, of how many ({@code measure --explain}). */
    LinkSample sample(List<PageLink> links, SiteFetches site) {
        return plan(links, site).sample();
    }

    private Plan plan(List<PageLink> links, SiteFetches site) {
        Set<String> distinct = new LinkedHashSet<>();
        for (PageLink l : links) {
            distinct.add(l.url());
        }
        Map<String, LinkCheck> known = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (String url : distinct) {
            FetchResult got = site.remembered(url);
            if (got != null && judgedByGet(got)) {
                known.put(url, verdict(url, got));
            } else if (MeasurementEngine.toUri(url) == null) {
                known.put(url, new LinkCheck(url, 0, FetchErrorKind.INVALID_URL.name(), true));
            } else {
                rest.add(url);
            }
        }
        List<URI> toCheck = new ArrayList<>();
        for (String url : LinkSample.choose(rest, maxLinkChecks)) {
            toCheck.add(MeasurementEngine.toUri(url));
        }
        return new Plan(distinct, known, toCheck);
    }

    /**
     * A GET says as much about a link as a check would when it succeeded or failed for a reason a visitor would
     * meet too; a page refused only by our own page rules (not HTML, too large for us) is checked properly.
     */
    private static boolean judgedByGet(FetchResult r) {
        FetchErrorKind e = r.error();
        return e == null || e == FetchErrorKind.HTTP_ERROR || e == FetchErrorKind.CONNECT_REFUSED
                || e == FetchErrorKind.DNS_FAILURE || e == FetchErrorKind.BLOCKED_ADDRESS;
    }

    private static LinkCheck verdict(String url, FetchResult r) {
        FetchErrorKind e = r.error();
        boolean broken = (e != null && e != FetchErrorKind.ROBOTS_DISALLOWED) || r.status() >= 400;
        return new LinkCheck(url, r.status(), e == null ? null : e.name(), broken);
    }
}
