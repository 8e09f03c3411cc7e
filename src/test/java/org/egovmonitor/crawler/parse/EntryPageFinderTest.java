package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.parse.EntryPageFinder.Entry;
import org.egovmonitor.crawler.parse.EntryPageFinder.Kind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryPageFinderTest {

    private static final String BASE = "http://www.xx.gov.cn/";
    private static final EntryPageFinder FINDER =
            new EntryPageFinder(CrawlerFiles.defaultCatalog().entryPageWords());

    private static Optional<Entry> find(String html) {
        Document doc = Jsoup.parse(html, BASE);
        return FINDER.find(doc, new LinkExtractor().extract(doc));
    }

    private static String many(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("<a href=\"/col").append(i).append("/\">栏目").append(i).append("</a>");
        }
        return b.toString();
    }

    static Stream<Arguments> entryPages() {
        return Stream.of(
                // meta refresh, any case and quoting
                Arguments.of("meta refresh plain", "<meta http-equiv=refresh content=\"0;url=index.html\">",
                        Kind.META_REFRESH, BASE + "index.html"),
                Arguments.of("meta refresh upper case, quoted url", "<META HTTP-EQUIV=\"Refresh\" "
                        + "CONTENT=\"0; URL='/portal/index.shtml'\">", Kind.META_REFRESH, BASE + "portal/index.shtml"),
                Arguments.of("meta refresh single-quoted attribute, delay 3", "<meta http-equiv='refresh' "
                        + "content='3;url=http://www.xx.gov.cn/zw/'>", Kind.META_REFRESH, BASE + "zw/"),
                Arguments.of("meta refresh no delay", "<meta http-equiv=\"refresh\" content=\"url=main.htm\">",
                        Kind.META_REFRESH, BASE + "main.htm"),
                Arguments.of("meta refresh on a full homepage", "<meta http-equiv=\"refresh\" content=\"0;url=/new/\">"
                        + many(40), Kind.META_REFRESH, BASE + "new/"),
                // script redirects
                Arguments.of("location.href", "<script>location.href='index.html';</script>", Kind.SCRIPT_REDIRECT,
                        BASE + "index.html"),
                Arguments.of("window.location", "<script type=\"text/javascript\">\n window.location = \"/web/\"\n"
                        + "</script>", Kind.SCRIPT_REDIRECT, BASE + "web/"),
                Arguments.of("location.replace", "<script>location.replace(\"http://www.xx.gov.cn/site/\")</script>",
                        Kind.SCRIPT_REDIRECT, BASE + "site/"),
                Arguments.of("location.assign", "<script>window.location.assign('a/b.html');</script>",
                        Kind.SCRIPT_REDIRECT, BASE + "a/b.html"),
                Arguments.of("top.location.href", "<script>top.location.href = 'main.html'</script>",
                        Kind.SCRIPT_REDIRECT, BASE + "main.html"),
                Arguments.of("self.location", "<script>self.location='home.jsp';</script>", Kind.SCRIPT_REDIRECT,
                        BASE + "home.jsp"),
                Arguments.of("document.location in setTimeout",
                        "<script>setTimeout(\"document.location='idx.htm'\", 2000);</script>", Kind.SCRIPT_REDIRECT,
                        BASE + "idx.htm"),
                Arguments.of("mobile branch skipped, desktop taken", "<script>if (/Android|iPhone/i.test(navigator"
                        + ".userAgent)) { location.href = '/m/index.html'; } else { location.href = '/pc/'; }"
                        + "</script>", Kind.SCRIPT_REDIRECT, BASE + "pc/"),
                // framesets
                Arguments.of("frameset with named main", "<frameset rows=\"120,*\"><frame name=\"top\" src=\"top.htm\">"
                        + "<frame name=\"main\" src=\"main.htm\"></frameset>", Kind.FRAMESET, BASE + "main.htm"),
                Arguments.of("frameset biggest frame", "<frameset cols=\"20%,80%\"><frame src=\"left.htm\">"
                        + "<frame src=\"right_body.htm\"></frameset>", Kind.FRAMESET, BASE + "right_body.htm"),
                Arguments.of("nested frameset", "<frameset rows=\"100,*,40\"><frame src=\"head.htm\">"
                        + "<frameset cols=\"200,*\"><frame src=\"menu.htm\"><frame src=\"body.htm\"></frameset>"
                        + "<frame src=\"foot.htm\"></frameset>", Kind.FRAMESET, BASE + "body.htm"),
                // iframe wrapper
                Arguments.of("one big iframe", "<title>某某县人民政府</title><body style=\"margin:0\"><iframe "
                        + "src=\"http://www.xx.gov.cn/portal/\" width=\"100%\" height=\"100%\" frameborder=0>"
                        + "</iframe></body>", Kind.IFRAME, BASE + "portal/"),
                // splash pages
                Arguments.of("splash text", "<body><img src=\"bg.jpg\"><a href=\"index.asp\">进入首页</a></body>",
                        Kind.SPLASH, BASE + "index.asp"),
                Arguments.of("splash with arrows and spaces", "<a href=\"/main/\">点 击 进 入 &gt;&gt;</a>"
                        + "<a href=\"http://www.beian.gov.cn/\">备案</a>", Kind.SPLASH, BASE + "main/"),
                Arguments.of("splash image alt", "<a href=\"home.html\"><img src=\"enter.gif\" alt=\"ENTER\"></a>",
                        Kind.SPLASH, BASE + "home.html"),
                Arguments.of("splash lone image link", "<a href=\"home2.html\"><img src=\"splash.jpg\"></a>",
                        Kind.SPLASH, BASE + "home2.html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPages")
    void find_entryPage_realHomepage(String name, String html, Kind kind, String url) {
        assertThat(find(html)).get().extracting(Entry::kind, Entry::url).containsExactly(kind, url);
    }

    static Stream<Arguments> realHomepages() {
        return Stream.of(
                Arguments.of("a homepage with many links", "<title>首页</title>" + many(30)),
                Arguments.of("reload timer (refresh of itself)", "<meta http-equiv=\"refresh\" content=\"300\">"
                        + many(3)),
                Arguments.of("refresh to the page itself", "<meta http-equiv=\"refresh\" content=\"60;url=/\">"),
                Arguments.of("refresh after ten minutes", "<meta http-equiv=\"refresh\" content=\"600;url=a.htm\">"),
                Arguments.of("search script concatenates", "<script>function s(){location.href='/search?q='+q;}"
                        + "</script>"),
                Arguments.of("script redirect on a full homepage", "<script>location.href='other.html';</script>"
                        + many(30)),
                Arguments.of("only a mobile redirect", "<script>if(isMobile){window.location.href='/wap/';}</script>"),
                Arguments.of("entry word inside a headline", many(10) + "<a href=\"/news/1.html\">我县进入全国百强县"
                        + "名单的通报</a>"),
                Arguments.of("small iframe (a map)", "<p>联系我们</p><iframe src=\"/map.html\" width=\"300\" "
                        + "height=\"200\"></iframe>"),
                Arguments.of("iframe on a page with text", "<p>" + "正文内容".repeat(100) + "</p><iframe src=\"/x\" "
                        + "width=\"100%\" height=\"800\"></iframe>"),
                Arguments.of("splash link to another site", "<a href=\"http://www.other.com/\">进入网站</a>"),
                Arguments.of("javascript pseudo-url", "<script>location.href='javascript:void(0)';</script>"),
                Arguments.of("empty page", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realHomepages")
    void find_realHomepage_empty(String name, String html) {
        assertThat(find(html)).isEmpty();
    }

    @Nested
    class Frames {

        @Test
        void find_frameset_otherFramesListed() {
            Entry e = find("<frameset rows=\"100,*\"><frame name=\"topFrame\" src=\"top.htm\"><frame name=\"mainFrame\" "
                    + "src=\"main.htm\"></frameset>").orElseThrow();

            assertThat(e.url()).isEqualTo(BASE + "main.htm");
            assertThat(e.otherFrames()).containsExactly(BASE + "top.htm");
        }

        @Test
        void find_tenThousandFrames_boundedAndAnswers() {
            String frames = "<frame src=\"f.htm\">".repeat(10_000);

            assertThat(find("<frameset cols=\"*\">" + frames + "</frameset>")).get()
                    .extracting(Entry::otherFrames).asList().hasSizeLessThan(EntryPageFinder.MAX_FRAMES);
        }
    }

    @Nested
    class Hostile {

        @Test
        void find_hugeScriptWithoutRedirect_quick() {
            String script = "<script>var a='" + "x".repeat(5_000_000) + "';location.href='late.html';</script>";
            long start = System.nanoTime();

            Optional<Entry> e = find(script);

            assertThat(e).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }

        @Test
        void find_manyUnclosedQuotes_quick() {
            String script = "<script>" + "location.href='".repeat(20_000) + "</script>";
            long start = System.nanoTime();

            find(script);

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }
    }

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of("http://www.xx.gov.cn/", "http://xx.gov.cn/a", true),
                Arguments.of("http://www.xx.gov.cn/", "http://zwgk.xx.gov.cn/", true),
                Arguments.of("http://www.xx.gov.cn/", "http://www.yy.gov.cn/", false),
                Arguments.of("http://www.xx.gov.cn/", "http://www.xx.com/", false),
                Arguments.of("http://127.0.0.1:8080/", "http://127.0.0.1:9090/x", true),
                Arguments.of("http://127.0.0.1/", "http://127.0.0.2/", false));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("sites")
    void sameSite_hosts_registeredDomainDecides(String from, String to, boolean same) {
        assertThat(EntryPageFinder.sameSite(from, to)).isEqualTo(same);
    }

    @Test
    void find_noWords_redirectsAndFramesStillFound() {
        EntryPageFinder bare = new EntryPageFinder(EntryPageWords.NONE);
        Document doc = Jsoup.parse("<meta http-equiv=refresh content=\"0;url=i.htm\"><a href=\"/x\">进入首页</a>", BASE);

        assertThat(bare.find(doc, List.of())).get().extracting(Entry::kind).isEqualTo(Kind.META_REFRESH);
    }
}
