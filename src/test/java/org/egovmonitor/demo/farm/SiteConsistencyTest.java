package org.egovmonitor.demo.farm;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.demo.farm.FarmFixtures.decode;
import static org.egovmonitor.demo.farm.FarmFixtures.pathQuery;
import static org.egovmonitor.demo.farm.FarmFixtures.randomSpec;

/**
 * Checks, for 200+ seeds, that the generated pages say what the truth says. Counts use a simple Jsoup reading keyed
 * on the farm's own markup (links to the site's item detail pages), not the production analyzer.
 */
class SiteConsistencyTest {

    /** Any date format the farm writes. */
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日|[\\[(]?\\d{2}-\\d{2}[\\])]?");

    private final SiteGenerator generator = new SiteGenerator();

    static long[] seeds() {
        long[] s = new long[220];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1000 + i * 7919L;
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedSite_matchesItsTruth(long seed) {
        GeneratedSite site = generator.generate(randomSpec(seed));
        SiteTruth t = site.truth();
        PageCharset cs = site.traits().charset();
        String root = t.url();
        String host = URI.create(root).getHost();

        // every page is valid in its charset; GBK bytes are valid GB18030
        Charset decodeAs = cs.isGbk() ? Charset.forName("GB18030") : java.nio.charset.StandardCharsets.UTF_8;
        site.pages().values().stream().filter(p -> p.contentType().startsWith("text/html"))
                .forEach(p -> assertThat(FarmFixtures.validIn(p.body(), decodeAs)).isTrue());

        Document home = Jsoup.parse(decode(site.respond("/"), cs), root);

        // sections: served 200, linked from the visible navigation by their title, entry count as claimed
        Set<String> datedAcrossSections = new HashSet<>();
        Set<String> letters = new HashSet<>(); // entries of 信箱/留言 sections: never the site's news
        assertThat(t.sections()).as("sections of " + root).isNotEmpty();
        for (SiteTruth.Section s : t.sections()) {
            boolean interactive = FamilyCatalog.INTERACTIVE.contains(s.family());
            FarmPage page = site.page(pathQuery(s.url())).orElseThrow();
            assertThat(page.status()).isEqualTo(200);
            assertThat(home.select("a[href]")).as("nav link " + s.title())
                    .anyMatch(a -> a.text().equals(s.title()) && a.absUrl("href").equals(s.url()));
            Document list = Jsoup.parse(decode(page, cs), s.url());
            int entries = 0;
            for (Element a : list.select("a[href]")) {
                String url = a.absUrl("href");
                if (url.startsWith(root) && site.detailPaths().contains(pathQuery(url))) {
                    entries++;
                    if (interactive) {
                        letters.add(url);
                    } else if (DATE.matcher(entryText(a)).find()) {
                        datedAcrossSections.add(url);
                    }
                }
            }
            assertThat(entries).as(s.url()).isEqualTo(s.items());
            if (s.blank()) {
                assertThat(list.text()).containsAnyOf("暂无信息", "正在建设中");
            }
        }

        // homepage dated items: distinct detail links whose entry shows a date
        Set<String> dated = new HashSet<>();
        for (Element a : home.select("a[href]")) {
            String url = a.absUrl("href");
            if (url.startsWith(root) && site.detailPaths().contains(pathQuery(url)) && !letters.contains(url)
                    && DATE.matcher(entryText(a)).find()) {
                dated.add(url);
            }
        }
        if (t.homepage().navOnly()) {
            assertThat(dated).isEmpty();
            assertThat(home.select("a[href]")).noneMatch(a -> site.detailPaths()
                    .contains(pathQuery(a.absUrl("href"))));
            assertThat(datedAcrossSections).hasSize(t.homepage().datedItems());
        } else {
            assertThat(dated).hasSize(t.homepage().datedItems());
        }

        // every homepage link: internal ones are served unless listed broken; external broken ones are dead ports
        assertThat(home.select("a[href]")).as("homepage links of " + root).isNotEmpty();
        for (Element a : home.select("a[href]")) {
            String url = a.absUrl("href");
            URI u = URI.create(url);
            boolean broken = t.brokenLinks().contains(url);
            if (u.getHost().equals(host)) {
                assertThat(site.page(pathQuery(url)).isPresent()).as(url).isEqualTo(!broken);
            } else if (broken) {
                assertThat(u.getHost()).isEqualTo("127.0.0.1");
                assertThat(SiteGenerator.CLOSED_PORTS).contains(u.getPort());
            } else {
                assertThat(FarmFixtures.PEERS).contains(url);
            }
        }
        for (String b : t.brokenLinks()) {
            assertThat(home.select("a[href]")).anyMatch(a -> a.absUrl("href").equals(b));
        }
    }

    /** The text of the list entry around a link: its table row or list item. */
    private static String entryText(Element a) {
        Element e = a.closest("tr, li");
        return e == null ? "" : e.text();
    }
}
