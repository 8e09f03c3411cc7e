package org.egovmonitor.crawler.inspect;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the text the four wording checks share: the homepage and up to {@code sampleArticles} articles, the newest
 * entries of the {@code families} sections on the homepage's host. The four checks of one site run one after the
 * other on one thread (SiteChecks.run), so the sample of the last input is kept per thread and the articles are
 * fetched once, not four times; a weak reference to the input lets a site's pages go once it is measured.
 */
final class WordingSampler {

    private final WordingRules rules;
    private final ThreadLocal<Cached> last = new ThreadLocal<>();

    private record Cached(WeakReference<CheckInput> input, WordingSample sample) {
    }

    WordingSampler(WordingRules rules) {
        this.rules = rules;
    }

    /** The sample of {@code input}, read on the first call. */
    WordingSample sample(CheckInput input) {
        Cached c = last.get();
        if (c != null && c.input().get() == input) {
            return c.sample();
        }
        WordingSample s = read(input);
        last.set(new Cached(new WeakReference<>(input), s));
        return s;
    }

    private WordingSample read(CheckInput input) {
        List<WordingSample.Page> pages = new ArrayList<>();
        if (input.homepage() != null) {
            pages.add(new WordingSample.Page(input.homepageUrl(), null, true,
                    WordingText.of(input.homepage(), rules.maxTextChars())));
        }
        List<CheckInput.ListedItem> articles = articles(input);
        int notRead = 0;
        int outOfPages = 0;
        for (CheckInput.ListedItem item : articles) {
            CheckPage page = input.pages() == null ? null : input.pages().get(item.url());
            if (page == null) {
                outOfPages++;
                continue;
            }
            if (!page.html() || !sameHost(input.homepageUrl(), page.finalUrl())) {
                notRead++;
                continue;
            }
            pages.add(new WordingSample.Page(page.finalUrl(), item.date(), false,
                    WordingText.of(page.document(), rules.maxTextChars())));
        }
        return new WordingSample(pages, articles.size(), notRead, outOfPages);
    }

    /** The newest entries of the sampled families on the homepage's host, dated ones first, each page once. */
    private List<CheckInput.ListedItem> articles(CheckInput input) {
        Set<String> seen = new LinkedHashSet<>();
        List<CheckInput.ListedItem> candidates = new ArrayList<>();
        for (String family : rules.families()) {
            for (CheckInput.SectionList list : input.sectionsOf(family)) {
                for (CheckInput.ListedItem item : list.items()) {
                    if (item.url() != null && sameHost(input.homepageUrl(), item.url()) && seen.add(item.url())) {
                        candidates.add(item);
                    }
                }
            }
        }
        candidates.sort(Comparator.comparing(CheckInput.ListedItem::date,
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())));
        return candidates.subList(0, Math.min(rules.sampleArticles(), candidates.size()));
    }

    static boolean sameHost(String a, String b) {
        String ha = host(a);
        return ha != null && ha.equals(host(b));
    }

    private static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
