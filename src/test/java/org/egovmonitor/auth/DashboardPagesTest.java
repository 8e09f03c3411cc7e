package org.egovmonitor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page under dashboards/ passes the CSP (default-src 'self'): no inline script, handler or style; and every
 * script a page names is there, and every script is named by some page.
 */
class DashboardPagesTest {

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("dashboards"))) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(html).isNotEmpty();
            return html.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void page_cspClean(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        for (Element script : doc.select("script")) {
            assertThat(script.hasAttr("src")).as(page + ": inline <script>").isTrue();
            assertThat(script.attr("src")).as(page.toString()).startsWith("/");
            assertThat(script.data()).as(page.toString()).isBlank();
        }
        assertThat(doc.select("style")).as(page + ": <style> element").isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as(page + ": inline handler on <" + e.tagName() + ">").doesNotStartWith("on");
                assertThat(a.getKey()).as(page + ": style attribute").isNotEqualTo("style");
                assertThat(a.getValue()).as(page.toString()).doesNotStartWithIgnoringCase("javascript:");
            });
        }
        assertThat(doc.select("link[href^=http], script[src^=http], img[src^=http]")).as(page.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void page_everyOwnScriptExists(Path page) throws IOException {
        for (Element script : Jsoup.parse(page.toFile(), "UTF-8").select("script[src]")) {
            String src = script.attr("src");
            if (!src.startsWith("/webjars/")) {
                assertThat(Path.of("dashboards", src.substring(1))).as(page + " loads " + src).isRegularFile();
            }
        }
    }

    /**
     * Every tab panel of a page is a child of its main element and every tab link has its panel: a panel left inside
     * another (an unclosed section) stays hidden whenever that one is.
     */
    @ParameterizedTest
    @MethodSource("pages")
    void page_tabPanelsAreSiblingsUnderMain(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        for (Element panel : doc.select("[id^=tab-]")) {
            assertThat(panel.parent().tagName()).as(page + ": parent of #" + panel.id()).isEqualTo("main");
        }
        for (Element link : doc.select(".tabs a[data-tab]")) {
            assertThat(doc.getElementById("tab-" + link.attr("data-tab"))).as(page + ": panel of tab "
                    + link.attr("data-tab")).isNotNull();
        }
    }

    /** A file left out of its page (a tab of office.js, say) would silently not run. */
    @Test
    void everyScript_isLoadedByAPage() throws IOException {
        Set<String> loaded = new HashSet<>();
        for (Path page : pages().toList()) {
            Jsoup.parse(page.toFile(), "UTF-8").select("script[src]").forEach(s -> loaded.add(s.attr("src")));
        }
        try (Stream<Path> files = Files.walk(Path.of("dashboards"))) {
            List<String> scripts = files.filter(p -> p.toString().endsWith(".js"))
                    .map(p -> "/" + Path.of("dashboards").relativize(p).toString().replace('\\', '/')).toList();
            assertThat(scripts).contains("/office/ranking.js", "/office/whatif.js", "/scorecard.js");
            assertThat(loaded).containsAll(scripts);
        }
    }
}
