package org.egovmonitor.crawler.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.platform.RuleFileException;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Golden pages of 内容安全: a hacked county portal (TRS, GBK) with a gambling block off-screen and another behind
 * display:none, a 大汉 page whose dropdown menus, hidden tabs and hidden media panel must not count, an ASP tourism
 * bureau (GBK, unnamed table navigation) linking Weibo and Taobao from its navigation and loading a foreign tracker
 * and an injected script, and a page of every hiding trick. Rules are the real crawlers/checks.yml.
 */
class SafetyChecksTest {

    private static final InspectionRules RULES = InspectionRules.load(Path.of("crawlers", "checks.yml"));
    private static final Charset GBK = Charset.forName("GB18030");

    static Stream<Arguments> goldenPages() {
        return Stream.of(
                arguments("hacked-county-trs-gbk.html", GBK, "http://www.dongzhi.gov.cn/", "hiddenLinks",
                        CheckOutcome.FAILED, List.of("澳门新葡京", "皇冠体育投注", "金沙娱乐城", "bet365体育在线", "百家乐技巧")),
                arguments("hacked-county-trs-gbk.html", GBK, "http://www.dongzhi.gov.cn/", "navigationLinks",
                        CheckOutcome.PASSED, List.of()),
                arguments("hacked-county-trs-gbk.html", GBK, "http://www.dongzhi.gov.cn/", "thirdPartyScripts",
                        CheckOutcome.PASSED, List.of()),
                arguments("dropdown-menu-dahan.html", StandardCharsets.UTF_8, "http://lyj.xuancheng.gov.cn/",
                        "hiddenLinks", CheckOutcome.PASSED, List.of()),
                arguments("dropdown-menu-dahan.html", StandardCharsets.UTF_8, "http://lyj.xuancheng.gov.cn/",
                        "navigationLinks", CheckOutcome.PASSED, List.of()),
                arguments("dropdown-menu-dahan.html", StandardCharsets.UTF_8, "http://lyj.xuancheng.gov.cn/",
                        "thirdPartyScripts", CheckOutcome.PASSED, List.of()),
                arguments("foreign-nav-asp-gbk.html", GBK, "http://ly.jingxian.gov.cn/", "navigationLinks",
                        CheckOutcome.FAILED, List.of("官方微博", "特产商城")),
                arguments("foreign-nav-asp-gbk.html", GBK, "http://ly.jingxian.gov.cn/", "thirdPartyScripts",
                        CheckOutcome.FAILED, List.of("http://js.users.51.la/19876543.js",
                                "http://www.ssc-bet.cc/js/jump.js")),
                arguments("foreign-nav-asp-gbk.html", GBK, "http://ly.jingxian.gov.cn/", "hiddenLinks",
                        CheckOutcome.PASSED, List.of()),
                arguments("hidden-tricks.html", StandardCharsets.UTF_8, "http://www.mmz.gov.cn/", "hiddenLinks",
                        CheckOutcome.FAILED, List.of("在线棋牌", "老虎机", "重庆时时彩", "六合彩开奖", "代开发票",
                                "伟哥网上商城", "传奇私服", "足彩网")),
                arguments("hidden-tricks.html", StandardCharsets.UTF_8, "http://www.mmz.gov.cn/", "navigationLinks",
                        CheckOutcome.NOT_CHECKED, List.of()));
    }

    @ParameterizedTest(name = "{0} {3} → {4}")
    @MethodSource("goldenPages")
    void check_goldenPage_findsExactlyTheOffendingParts(String file, Charset cs, String site, String check,
                                                         CheckOutcome outcome, List<String> excerpts) throws IOException {
        CheckResult r = run(check, page(file, cs, site), site);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(outcome);
        assertThat(r.problems()).extracting(CheckProblem::excerpt).containsExactlyElementsOf(excerpts);
        assertThat(r.problems()).allSatisfy(p -> {
            assertThat(p.url()).isEqualTo(site);
            assertThat(p.severity()).isEqualTo(check.equals("hiddenLinks") ? ProblemSeverity.SEVERE
                    : ProblemSeverity.DEDUCT);
            assertThat(p.code()).isEqualTo(switch (check) {
                case "hiddenLinks" -> "hidden_link";
                case "navigationLinks" -> "foreign_nav_link";
                default -> "unknown_script_host";
            });
        });
    }

    @Test
    void hiddenLinks_messageSaysHowTheBlockIsHidden() throws IOException {
        CheckResult r = run("hiddenLinks", page("hidden-tricks.html", StandardCharsets.UTF_8,
                "http://www.mmz.gov.cn/"), "http://www.mmz.gov.cn/");
        assertThat(r.problems()).extracting(CheckProblem::message).anySatisfy(m -> assertThat(m)
                        .contains("样式设为不显示").contains("在线棋牌").contains("http://www.amxpj-casino.com/"))
                .anySatisfy(m -> assertThat(m).contains("脚本写入的隐藏层").contains("重庆时时彩"))
                .anySatisfy(m -> assertThat(m).contains("滚动字幕").contains("代开发票"))
                .anySatisfy(m -> assertThat(m).contains("字号为 0"))
                .anySatisfy(m -> assertThat(m).contains("尺寸为 0").contains("传奇私服"))
                .anySatisfy(m -> assertThat(m).contains("定位到屏幕之外").contains("足彩网"));
        assertThat(r.metrics()).containsEntry("hiddenForeignLinks", 8.0);
    }

    static Stream<Arguments> snippets() {
        return Stream.of(
                // visible friend links to non-government sites: no 暗链
                arguments("<div class=\"yqlj\"><a href=\"http://www.ctrip.com/\">携程</a></div>", 0),
                // a hidden link to the site itself or to a government site: a leftover, no 暗链
                arguments("<div style=\"display:none\"><a href=\"/old/a.htm\">旧版</a>"
                        + "<a href=\"http://www.ah.gov.cn/\">省政府</a></div>", 0),
                // an off-screen skip link (accessibility) points into the page
                arguments("<a href=\"#main\" style=\"position:absolute;left:-9999px\">跳到正文</a>", 0),
                // a dropdown of media links after its menu entry: a submenu
                arguments("<ul><li><a href=\"/mt/\">媒体</a><ul style=\"display:none\"><li>"
                        + "<a href=\"http://www.cctv.com/\">央视</a></li><li><a href=\"http://www.xinhuanet.com/\">"
                        + "新华</a></li></ul></li></ul>", 0),
                // the same links hidden by the hidden attribute with no menu before it: 暗链
                arguments("<p>正文</p><div hidden><a href=\"http://www.cctv.com/\">央视</a>"
                        + "<a href=\"http://www.xinhuanet.com/\">新华</a></div>", 2),
                // visibility:hidden, one lone link
                arguments("<span style=\"VISIBILITY: hidden\"><a href=\"http://www.pj-888.com/\">葡京</a></span>", 1),
                // text-indent far off and a transparent block
                arguments("<div style=\"text-indent:-9999em\"><a href=\"http://a.bet.com/\">a</a></div>"
                        + "<div style=\"opacity:0\"><a href=\"http://b.bet.com/\">b</a></div>", 2),
                // placed far right, and a block placed slightly off (a tooltip): only the far one
                arguments("<div style=\"position:fixed;left:12000px\"><a href=\"http://c.bet.com/\">c</a></div>"
                        + "<div style=\"position:absolute;left:-20px\"><a href=\"http://d.bet.com/\">d</a></div>", 1),
                // the same hidden foreign URL twice is one link
                arguments("<div style=\"display:none\"><a href=\"http://e.bet.com/\">e</a></div>"
                        + "<div style=\"display:none\"><a href=\"http://e.bet.com/\">e</a></div>", 1),
                // a whole hidden block written by one script
                arguments("<script>document.write('<div style=\"display:none\"><a href=\"http://f.bet.com/\">"
                        + "f</a></div>');</script>", 1));
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void hiddenLinks_snippet_countsOnlyHiddenForeignLinks(String body, int expected) {
        String site = "http://www.example.gov.cn/";
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", site);
        CheckResult r = run("hiddenLinks", doc, site);
        assertThat(r.problems()).as(r.summary()).hasSize(expected);
        assertThat(r.outcome()).isEqualTo(expected == 0 ? CheckOutcome.PASSED : CheckOutcome.FAILED);
    }

    @Test
    void navigationLinks_namedNavigation_judgesItsSubmenusButNotFriendLinksInside() {
        String site = "http://www.example.gov.cn/";
        Document doc = Jsoup.parse("<div id=\"topnav\"><a href=\"/\">首页</a><a href=\"/zw/\">政务</a>"
                + "<ul style=\"display:none\"><li><a href=\"http://www.jd.com/\">购物</a></li></ul>"
                + "<div class=\"friendlink\"><a href=\"http://www.ctrip.com/\">携程</a></div></div>"
                + "<div class=\"footer\"><a href=\"http://www.taobao.com/\">淘宝</a></div>", site);
        CheckResult r = run("navigationLinks", doc, site);
        assertThat(r.problems()).extracting(CheckProblem::excerpt).containsExactly("购物");
    }

    @Test
    void thirdPartyScripts_oneProblemPerHost_framesToo_ownAndListedHostsAllowed() {
        String site = "http://www.example.gov.cn/";
        Document doc = Jsoup.parse("<head><script src=\"/js/a.js\"></script>"
                + "<script src=\"http://static.example.gov.cn/b.js\"></script>"
                + "<script src=\"http://cdn.evil.cc/1.js\"></script><script src=\"http://cdn.evil.cc/2.js\"></script>"
                + "<script src=\"https://s95.cnzz.com/z_stat.php?id=1\"></script>"
                // the TRS platform's visit statistics, protocol-relative as real pages write it
                + "<script src=\"//ta.trs.cn/c/js/ta.js?mpid=2987\"></script></head>"
                + "<body><iframe src=\"http://ad.tracker.com/x.html\" width=0 height=0></iframe></body>", site);
        CheckResult r = run("thirdPartyScripts", doc, site);
        assertThat(r.problems()).extracting(CheckProblem::excerpt)
                .containsExactly("http://cdn.evil.cc/1.js", "http://ad.tracker.com/x.html");
        assertThat(r.metrics()).containsEntry("externalScripts", 7.0).containsEntry("unknownScriptHosts", 2.0);
    }

    @Test
    void rules_badSafetyBlock_namesTheFieldInChinese() throws IOException {
        String yaml = Files.readString(Path.of("crawlers", "checks.yml"), StandardCharsets.UTF_8);
        String bad = yaml.replace("governmentSuffixes: [gov.cn]", "governmentSuffixes: [\"http://gov.cn/\"]")
                .replace("offscreenPx: 500", "offscreenPx: -5");
        assertThat(bad).isNotEqualTo(yaml);
        assertThatThrownBy(() -> InspectionRules.parse(bad, "checks.yml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("safety.governmentSuffixes[0]").hasMessageContaining("必须是小写域名")
                .hasMessageContaining("safety.offscreenPx").hasMessageContaining("必须是正整数");
    }

    @Test
    void rules_disabled_noSafetyChecks() throws IOException {
        String yaml = Files.readString(Path.of("crawlers", "checks.yml"), StandardCharsets.UTF_8);
        int at = yaml.indexOf("safety:");
        String off = yaml.substring(0, at) + yaml.substring(at).replaceFirst("enabled: true", "enabled: false");
        assertThat(InspectionRules.parse(off, "checks.yml").checks()).extracting(SiteCheck::id)
                .doesNotContain("hiddenLinks", "navigationLinks", "thirdPartyScripts");
        assertThat(RULES.checks()).extracting(SiteCheck::id)
                .contains("hiddenLinks", "navigationLinks", "thirdPartyScripts");
    }

    private static Document page(String file, Charset cs, String site) throws IOException {
        try (InputStream in = SafetyChecksTest.class.getResourceAsStream("/pages/checks/safety/" + file)) {
            assertThat(in).as(file).isNotNull();
            return Jsoup.parse(new String(in.readAllBytes(), cs), site);
        }
    }

    private static CheckResult run(String id, Document doc, String site) {
        SiteCheck check = RULES.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return check.check(new CheckInput(site, site, SiteKind.COUNTY, doc, List.of(), null, null,
                LocalDate.of(2024, 4, 15)));
    }
}
