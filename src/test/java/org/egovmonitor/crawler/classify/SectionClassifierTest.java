package org.egovmonitor.crawler.classify;

import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.registry.SiteKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SectionClassifierTest {

    private static final SectionClassifier CLASSIFIER = new SectionClassifier(SectionCatalog.loadDefault());
    private static final Set<String> HOSTS = Set.of("www.chizhou.gov.cn");
    private static final String H = "http://www.chizhou.gov.cn";

    private static PageLink link(String text, String path) {
        return new PageLink(text, path.startsWith("http") ? path : H + path, false, null);
    }

    private static List<ClassifiedSection> classify(PageLink... links) {
        return CLASSIFIER.classify(List.of(links), HOSTS, SiteKind.PORTAL);
    }

    @Nested
    class Synonyms {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "政务动态, news", "工作动态, news", "部门动态, news", "本地要闻, news", "图片新闻, news", "县区动态, news",
                "公示公告, notices", "公告公示, notices", "通知公告, notices", "【通知公告】, notices",
                "政府文件, policy", "规范性文件, policy", "文件通知, policy", "政策法规, policy", "法规文件, policy",
                "政务公开, open_gov", "政府信息公开, open_gov", "信息公开目录, open_gov",
                "人事任免, personnel", "干部任免, personnel", "计划规划, plans", "发展规划, plans", "工作计划, plans",
                "机构设置, org_info", "领导之窗, org_info", "领导分工, org_info", "部门职能, org_info",
                "走进池州, overview", "池州概况, overview", "县情概况, overview", "市情介绍, overview",
                "办事指南, service_guide", "服务指南, service_guide", "表格下载, downloads", "下载中心, downloads",
                "资料下载, downloads", "网上办事, online_service", "便民服务, online_service", "在线办事, online_service",
                "市长信箱, mailbox", "县长信箱, mailbox", "局长信箱, mailbox", "书记信箱, mailbox", "我要写信, mailbox",
                "网上论坛, forum", "访客留言, forum", "在线咨询, forum", "网上咨询, forum", "留言板, forum",
                "民意征集, surveys", "网上调查, surveys", "在线调查, surveys", "意见征集, surveys",
                "在线访谈, interviews", "网上访谈, interviews", "招商引资, investment", "投资指南, investment",
                "旅游资源, tourism", "旅游信息, tourism", "人才招聘, talent", "人才信息, talent", "天气预报, weather",
                "气象信息, weather", "交通信息, transport", "供求信息, supply_demand", "农产品供求, supply_demand",
                "'· 通知公告 »', notices", "'政务\u3000动态', news", "通知公告更多, notices", "'>> 办事指南 more', service_guide",
                "本局人事信息, personnel", "青阳县情概况, overview",
        })
        void familyOf_synonym_returnsFamily(String text, String family) {
            assertThat(CLASSIFIER.familyOf(text)).contains(family);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "关于做好办事指南编制工作的通知", "市政府召开第五次常务会议", "关于开展政府信息公开工作检查的通知",
                "首页", "联系我们", "网站地图", "更多>>", "",
        })
        void familyOf_headlineOrUnrelated_returnsEmpty(String text) {
            assertThat(CLASSIFIER.familyOf(text)).isEmpty();
        }
    }

    @Nested
    class Decoys {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"/search.asp?keyword=信息公开", "/list.asp?q=信息公开", "/s.jsp?wd=信息公开",
                "/cms/search/index.jsp?searchword=信息公开", "/search/", "http://www.ah.gov.cn/xxgk/",
                "http://www.gov.cn/zhengce/", "http://xxgk.chizhou.com.cn/"})
        void classify_searchOrExternalLink_isNotASection(String url) {
            assertThat(classify(link("信息公开", url))).isEmpty();
        }

        @Test
        void classify_hiddenDuplicate_visibleOneWins() {
            PageLink hidden = new PageLink("通知公告", H + "/old/tzgg.asp", true, null);
            assertThat(classify(hidden, link("通知公告", "/tzgg/"))).extracting(ClassifiedSection::url)
                    .containsExactly(H + "/tzgg/");
        }

        @Test
        void classify_bareHostAndWwwHost_areTheSameSite() {
            List<ClassifiedSection> result = CLASSIFIER.classify(List.of(link("通知公告", "http://chizhou.gov.cn/tz/")),
                    HOSTS, SiteKind.PORTAL);
            assertThat(result).hasSize(1);
        }
    }

    @Nested
    class MoreLinks {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"更多>>", "more", "MORE", ">>", "» 更多", "[更多]", ""})
        void classify_moreLink_usesContextHeading(String text) {
            PageLink more = new PageLink(text, H + "/tzgg/", false, "通知公告");
            assertThat(classify(more)).extracting(ClassifiedSection::family, ClassifiedSection::title)
                    .containsExactly(tuple("notices", "通知公告"));
        }

        @Test
        void classify_moreLinkWithoutContext_isNotASection() {
            assertThat(classify(new PageLink("更多>>", H + "/x/", false, null))).isEmpty();
        }

        @Test
        void classify_linkWithText_ignoresContext() {
            assertThat(classify(new PageLink("联系我们", H + "/lxwm/", false, "通知公告"))).isEmpty();
        }
    }

    @Nested
    class Dedupe {

        @Test
        void classify_sameFamilyTwice_firstWins() {
            assertThat(classify(link("通知公告", "/tzgg/"), link("公示公告", "/gsgg/")))
                    .extracting(ClassifiedSection::url).containsExactly(H + "/tzgg/");
        }

        @Test
        void classify_sameUrlTwoFamilies_firstFamilyOnly() {
            assertThat(classify(link("政务公开", "/zwgk/"), link("政策法规", "/zwgk/"), link("政府文件", "/zfwj/")))
                    .extracting(ClassifiedSection::family, ClassifiedSection::url)
                    .containsExactly(tuple("open_gov", H + "/zwgk/"), tuple("policy", H + "/zfwj/"));
        }

        @Test
        void missingFamilies_township_listsAbsentRequiredOnes() {
            List<ClassifiedSection> found = List.of(new ClassifiedSection("news", "乡镇动态", H + "/a/"));
            assertThat(CLASSIFIER.missingFamilies(found, SiteKind.TOWNSHIP_PAGE))
                    .containsExactly("notices", "overview", "open_gov");
        }
    }

    @Nested
    class NavigationForms {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"机构, org_info", "新闻, news", "公开, open_gov", "服务, online_service", "互动, forum",
                "'【新闻】', news"})
        void familyOf_shortMenuLabel_wholeTextOnly(String text, String family) {
            assertThat(CLASSIFIER.familyOf(text)).contains(family);
            assertThat(classify(link(text, "/m/"))).extracting(ClassifiedSection::rule)
                    .containsExactly(SectionRule.SHORT_LABEL);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"新闻发布会", "公开承诺", "服务热线", "互动话题", "机构编制网"})
        void familyOf_shortLabelInsideLongerText_isNoFamily(String text) {
            assertThat(CLASSIFIER.familyOf(text)).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"交通局", "文化和旅游局", "投资促进中心", "县招商局", "政务服务中心", "气象局"})
        void familyOf_unitName_isNoFamily(String text) {
            assertThat(CLASSIFIER.familyOf(text)).isEmpty();
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
                "'', /zwgk/, open_gov", "'', /zwgk/index.html, open_gov", "'', /xxgk/index.shtml, open_gov",
                "'', /tzgg.asp, notices", "专栏, /zwgk/zcwj/, policy", "'', /col/hdjl/list_2.html, forum",
                "政民之窗, http://www.chizhou.gov.cn/zmhd/, forum"})
        void classify_unnamedLinkWithColumnUrl_readsTheUrl(String text, String path, String family) {
            assertThat(classify(link(text, path))).extracting(ClassifiedSection::family, ClassifiedSection::rule)
                    .containsExactly(tuple(family, SectionRule.URL_HINT));
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
                "'', /xwzx/202406/t20240613_123.html", "'', /zwgk/ztzl/", "首页, /", "'', /index.html",
                "关于开展政务公开工作检查的通知, /zwgk/", "'', /search/zwgk/", "'', http://www.ah.gov.cn/zwgk/"})
        void classify_urlHintNotApplicable_isNoSection(String text, String path) {
            assertThat(classify(link(text, path))).isEmpty();
        }

        @Test
        void classify_sameRegisteredDomain_isTheSitesOwn() {
            assertThat(classify(link("信息公开", "http://xxgk.chizhou.gov.cn/")))
                    .extracting(ClassifiedSection::family).containsExactly("open_gov");
        }

        @Test
        void classify_dropdownOnly_isHiddenMenuSection() {
            PageLink dropdown = new PageLink("人事任免", H + "/xxgk/rsrm/", false, null, PageLink.TextSource.TEXT,
                    PageLink.Placement.DROPDOWN);
            assertThat(classify(dropdown)).extracting(ClassifiedSection::family, ClassifiedSection::rule)
                    .containsExactly(tuple("personnel", SectionRule.HIDDEN_MENU));
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource({"IMAGE_MAP, IMAGE_MAP", "IMAGE_ALT, IMAGE_ALT", "TITLE, LINK_TITLE", "TEXT, SYNONYM"})
        void classify_textSource_givesRule(PageLink.TextSource source, SectionRule rule) {
            PageLink l = new PageLink("通知公告", H + "/tzgg/", false, null, source);
            assertThat(classify(l)).extracting(ClassifiedSection::rule).containsExactly(rule);
        }

        @Test
        void decide_everyLink_saysWhatBecameOfIt() {
            List<SectionDecision> d = CLASSIFIER.decide(List.of(
                    link("通知公告", "/tzgg/"),
                    link("公示公告", "/gsgg/"),
                    link("中国政府网", "http://www.gov.cn/"),
                    link("信息公开", "/search.asp?keyword=信息公开"),
                    link("关于做好办事指南编制工作的重要通知", "/a/1.html"),
                    link("联系我们", "/lxwm/"),
                    new PageLink("人事信息", H + "/old/1.htm", true, null),
                    link("政策法规", "/tzgg/"),
                    new PageLink("更多>>", H + "/x/", false, null)), HOSTS);
            assertThat(d).extracting(SectionDecision::family, SectionDecision::reason).containsExactly(
                    tuple("notices", null),
                    tuple(null, SectionDecision.Reason.FAMILY_TAKEN),
                    tuple(null, SectionDecision.Reason.EXTERNAL),
                    tuple(null, SectionDecision.Reason.DECOY),
                    tuple(null, SectionDecision.Reason.TOO_LONG),
                    tuple(null, SectionDecision.Reason.NO_MATCH),
                    tuple(null, SectionDecision.Reason.HIDDEN),
                    tuple(null, SectionDecision.Reason.URL_TAKEN),
                    tuple(null, SectionDecision.Reason.NO_HEADING));
        }
    }
}
