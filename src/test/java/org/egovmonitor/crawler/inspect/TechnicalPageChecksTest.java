package org.egovmonitor.crawler.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden pages of the technical checks that judge the homepage alone (viewport, 网站标识码, ICP 备案号, 公安备案号,
 * 党政机关网站 mark, the presence of a site search), with the shipped {@code crawlers/checks.yml}: a TRS county
 * portal in GBK, a modern department site, an old ASP township page. Submitting the search and the soft-404 probe
 * are judged over HTTP in {@code TechnicalChecksEngineTest}.
 */
class TechnicalPageChecksTest {

    private static final List<SiteCheck> CHECKS = CrawlerFiles.load(null).checks().checks();
    private static final String TRS = "trs-county-gbk.html";
    private static final String MODERN = "modern-department-utf8.html";
    private static final String ASP = "asp-township-gbk.html";

    /** Nothing to GET: these checks must judge from the homepage alone. */
    private static final CheckPages NO_PAGES = new CheckPages() {
        @Override
        public CheckPage get(String url) {
            throw new AssertionError("a homepage-only check asked for " + url);
        }

        @Override
        public int left() {
            return 0;
        }
    };

    static Stream<Arguments> cases() {
        return Stream.of(
                // check, page, outcome, problem code, what the summary or message shows
                Arguments.of("viewport", MODERN, CheckOutcome.PASSED, null, "已设置移动端视口"),
                Arguments.of("viewport", TRS, CheckOutcome.FAILED, "viewport_missing", "未设置移动端视口"),
                Arguments.of("viewport", ASP, CheckOutcome.FAILED, "viewport_missing", "未按设备宽度显示"),
                Arguments.of("siteCode", TRS, CheckOutcome.PASSED, null, "3417210001"),
                Arguments.of("siteCode", MODERN, CheckOutcome.FAILED, "site_code_missing", "网站标识码"),
                Arguments.of("siteCode", ASP, CheckOutcome.FAILED, "site_code_missing", "网站标识码"),
                Arguments.of("icp", TRS, CheckOutcome.PASSED, null, "皖ICP备 05003015号-1"),
                Arguments.of("icp", MODERN, CheckOutcome.PASSED, null, "皖ICP备14017436号"),
                Arguments.of("icp", ASP, CheckOutcome.FAILED, "icp_missing", "ICP 备案号"),
                Arguments.of("publicSecurity", TRS, CheckOutcome.PASSED, null, "皖公网安备 34172102000101号"),
                Arguments.of("publicSecurity", MODERN, CheckOutcome.PASSED, null, "皖公网安备34170202000110号"),
                Arguments.of("publicSecurity", ASP, CheckOutcome.FAILED, "public_security_missing", "公安机关备案号"),
                Arguments.of("govMark", TRS, CheckOutcome.PASSED, null, "dcs.conac.cn"),
                Arguments.of("govMark", MODERN, CheckOutcome.PASSED, null, "bszs.conac.cn"),
                Arguments.of("govMark", ASP, CheckOutcome.FAILED, "gov_mark_missing", "党政机关网站标识"),
                // a search widget of a 集约化 platform: present, not submitted
                Arguments.of("siteSearch", MODERN, CheckOutcome.PASSED, null, "so-gov.cn"),
                // a login form and a 办件查询 form are not site searches
                Arguments.of("siteSearch", ASP, CheckOutcome.FAILED, "search_missing", "未找到站内搜索"));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("cases")
    void check_goldenPage(String check, String page, CheckOutcome outcome, String code, String shows)
            throws IOException {
        CheckInput input = input(page);
        CheckResult r = run(check, input);
        assertThat(r.check()).isEqualTo(check);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(outcome);
        if (code == null) {
            assertThat(r.problems()).isEmpty();
            assertThat(r.summary()).contains(shows);
        } else {
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(code);
                assertThat(p.severity()).isEqualTo(ProblemSeverity.DEDUCT);
                assertThat(p.url()).isEqualTo(input.homepageUrl());
                assertThat(p.message()).contains(shows);
                assertThat(p.excerpt()).isNull();
                assertThat(p.correction()).isNotBlank();
            });
        }
    }

    @Test
    void identifiers_wrongLengthOrOnlyInMarkup_areMissing() {
        String html = "<html><head><meta name=\"SiteIDCode\" content=\"3417210001\"></head><body><div class=\"foot\">"
                + "网站标识码：341721000 皖ICP备号 皖公网安备 3417210200010号</div></body></html>";
        CheckInput input = input(Jsoup.parse(html, "http://www.example.gov.cn/"));
        for (String check : List.of("siteCode", "icp", "publicSecurity")) {
            assertThat(run(check, input).outcome()).as(check).isEqualTo(CheckOutcome.FAILED);
        }
    }

    /** Footers and marks as real homepages write them (forms seen on provincial and district sites). */
    static Stream<Arguments> realForms() {
        return Stream.of(
                // the ICP number without 号 after a label that itself says ICP
                Arguments.of("icp", "<p>ICP备案编号：京ICP备13026484\n<span>地址：北京市东城区</span></p>", CheckOutcome.PASSED,
                        "京ICP备13026484"),
                // an ICP 经营许可证 is not the 备案号
                Arguments.of("icp", "<p>京ICP证030173号</p>", CheckOutcome.FAILED, null),
                // an older 12-digit 公安备案号 after a colon
                Arguments.of("publicSecurity", "<p>共青团北京市朝阳区委员会&nbsp;京公网安备:110105011222<br></p>",
                        CheckOutcome.PASSED, "京公网安备:110105011222"),
                // the mark as embedded: an inline script that writes it in the browser (the crawler runs none)
                Arguments.of("govMark", "<div><script type=\"text/javascript\">document.write(unescape(\"%3Cspan "
                        + "id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/22/000/0000/60060634/"
                        + "CA220000600606340002.js' type='text/javascript'%3E%3C/script%3E\"));</script></div>",
                        CheckOutcome.PASSED, "dcs.conac.cn"),
                // the same code loading the mark's script through an IPv6 proxy host: its placeholder id tells
                Arguments.of("govMark", "<script>document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E"
                        + "%3Cscript src='http://jl001.ipv6ipv4.example.cn/js/CA0915.js'%3E%3C/script%3E\"));</script>",
                        CheckOutcome.PASSED, "_ideConac"),
                // a saved or server-rendered mark whose link was rewritten: the mark's own element ids
                Arguments.of("govMark", "<span id=\"_ideConac\"><a href=\"javascript:;\"><img id=\"imgConac\" "
                        + "src=\"image/blue.png\"></a></span>", CheckOutcome.PASSED, "_ideConac"),
                // a viewport of scale 1 and no width is laid out at the device width; a fixed width is not
                Arguments.of("viewport", "<meta name=\"viewport\" content=\"initial-scale=1, maximum-scale=1, "
                        + "minimum-scale=1, user-scalable=no\">", CheckOutcome.PASSED, "已设置移动端视口"),
                Arguments.of("viewport", "<meta name=\"viewport\" content=\"width=1200, initial-scale=1\">",
                        CheckOutcome.FAILED, null),
                Arguments.of("viewport", "<meta name=\"viewport\" content=\"initial-scale=0.5\">",
                        CheckOutcome.FAILED, null),
                // a script that only mentions another site's statistics is no mark
                Arguments.of("govMark", "<script>var _hmt = _hmt || []; (function() { var hm = "
                        + "document.createElement('script'); hm.src = 'https://hm.baidu.com/hm.js?x'; })();</script>",
                        CheckOutcome.FAILED, null));
    }

    @ParameterizedTest(name = "{0}: {2} — {1}")
    @MethodSource("realForms")
    void identifiersAndMark_asRealSitesWriteThem(String check, String body, CheckOutcome outcome, String shows) {
        CheckResult r = run(check, input(Jsoup.parse("<html><head></head><body>" + body + "</body></html>",
                "http://www.example.gov.cn/")));
        assertThat(r.outcome()).as(r.summary()).isEqualTo(outcome);
        if (shows != null) {
            assertThat(r.summary()).contains(shows);
        }
    }

    @Test
    void viewport_nameInOtherCaseAndSpacedContent_passes() {
        String html = "<html><head><META NAME=\"Viewport\" CONTENT=\"Width = Device-Width\"></head><body></body></html>";
        assertThat(run("viewport", input(Jsoup.parse(html, "http://www.example.gov.cn/"))).outcome())
                .isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void searchBoxWithoutForm_countsAsPresent() {
        String html = "<html><body><div class=\"ss\"><input type=\"text\" id=\"searchword\" value=\"请输入搜索内容\">"
                + "<img src=\"/images/ss.gif\" onclick=\"search()\"></div></body></html>";
        CheckResult r = run("siteSearch", input(Jsoup.parse(html, "http://www.example.gov.cn/")));
        assertThat(r.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.summary()).contains("脚本");
    }

    private static CheckResult run(String check, CheckInput input) {
        SiteCheck c = CHECKS.stream().filter(x -> x.id().equals(check)).findFirst().orElseThrow();
        return c.check(input);
    }

    private static CheckInput input(String page) throws IOException {
        try (InputStream in = TechnicalPageChecksTest.class.getResourceAsStream("/pages/checks/technical/" + page)) {
            // Jsoup sniffs the <meta> charset as the crawler's decoder does (gb2312 pages are read as GBK).
            return input(Jsoup.parse(in, null, "http://www.example.gov.cn/index.html"));
        }
    }

    private static CheckInput input(Document doc) {
        return new CheckInput("http://www.example.gov.cn/", doc.location(), SiteKind.COUNTY, doc, List.of(),
                SiteContext.NONE, NO_PAGES, LocalDate.of(2024, 4, 20));
    }
}
