package org.egovmonitor.crawler.classify;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.parse.DecodedPage;
import org.egovmonitor.crawler.parse.HomepageAnalyzer;
import org.egovmonitor.crawler.parse.HomepageSummary;
import org.egovmonitor.crawler.parse.LinkExtractor;
import org.egovmonitor.crawler.parse.ListEntry;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.ListPageSummary;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The whole parse chain on hand-written pages in src/test/resources/pages: decode, links, sections, dates. */
class GoldenPagesTest {

    private static final SectionCatalog CATALOG = SectionCatalog.loadDefault();
    private final PageDecoder decoder = new PageDecoder();
    private final LinkExtractor links = new LinkExtractor();
    private final SectionClassifier classifier = new SectionClassifier(CATALOG);
    private final ListPageAnalyzer lists = new ListPageAnalyzer(CATALOG.blankPlaceholders(), CATALOG.listVocabulary());
    private final HomepageAnalyzer homepages = new HomepageAnalyzer(CATALOG.listVocabulary());

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = GoldenPagesTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    private Document load(String name, String contentType, String url) throws IOException {
        DecodedPage page = decoder.decode(fixture(name), contentType);
        return Jsoup.parse(page.html(), url);
    }

    @Nested
    class Portal2003Gbk {

        private static final String URL = "http://www.chizhou.gov.cn/index.asp";
        private static final String H = "http://www.chizhou.gov.cn";

        @Test
        void decode_undeclaredGbk_isGb18030() throws IOException {
            DecodedPage page = decoder.decode(fixture("portal-2003-gbk.html"), "text/html");
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains("池州市人民政府门户网站");
        }

        @Test
        void classify_tableLayoutHomepage_findsSectionsInOrder() throws IOException {
            List<PageLink> found = links.extract(load("portal-2003-gbk.html", "text/html", URL));
            List<ClassifiedSection> sections = classifier.classify(found, Set.of("chizhou.gov.cn"), SiteKind.PORTAL);
            assertThat(sections).extracting(ClassifiedSection::family, ClassifiedSection::title,
                    ClassifiedSection::url).containsExactly(
                    tuple("open_gov", "政务公开", H + "/zwgk/index.asp"),
                    tuple("news", "政务动态", H + "/zwdt/list.asp"),
                    tuple("notices", "通知公告", H + "/tzgg/list.asp"),
                    tuple("policy", "政策法规", H + "/zcwj/list.asp"),
                    tuple("service_guide", "办事指南", H + "/bszn/index.asp"),
                    tuple("overview", "池州概况", H + "/czgk/index.asp"),
                    tuple("investment", "招商引资", H + "/zsyz/index.asp"),
                    tuple("tourism", "旅游资源", H + "/lyzy/index.asp"),
                    tuple("org_info", "领导之窗", H + "/ldzc/index.asp"),
                    tuple("downloads", "表格下载", H + "/bgxz/list.asp"),
                    tuple("online_service", "网上办事", H + "/wsbs/index.asp"),
                    tuple("mailbox", "市长信箱", H + "/szxx/write.asp"),
                    tuple("forum", "网上论坛", H + "/bbs/index.asp"));
            assertThat(classifier.missingFamilies(sections, SiteKind.PORTAL)).isEmpty();
        }

        @Test
        void analyze_homepage_countsDatedItemsOnce() throws IOException {
            HomepageSummary summary = homepages.analyze(load("portal-2003-gbk.html", "text/html", URL),
                    LocalDate.of(2003, 4, 20));
            assertThat(summary.datedItems()).isEqualTo(8);
            assertThat(summary.newestDate()).isEqualTo(LocalDate.of(2003, 4, 18));
            assertThat(summary.navOnly()).isFalse();
            assertThat(summary.datedEntries()).extracting(ListEntry::date).contains(LocalDate.of(2003, 4, 15),
                    LocalDate.of(2003, 3, 30));
        }
    }

    @Nested
    class PortalModernUtf8 {

        private static final String URL = "http://www.qingyang.gov.cn/";
        private static final String H = "http://www.qingyang.gov.cn";

        @Test
        void classify_divLayoutHomepage_usesMoreLinksAndDropdownAndSkipsSearch() throws IOException {
            Document doc = load("portal-modern-utf8.html", "text/html", URL);
            List<ClassifiedSection> sections = classifier.classify(links.extract(doc),
                    Set.of("www.qingyang.gov.cn"), SiteKind.COUNTY);
            assertThat(sections).extracting(ClassifiedSection::family, ClassifiedSection::title,
                    ClassifiedSection::url).containsExactly(
                    tuple("open_gov", "信息公开", H + "/xxgk/"),
                    // Only in the 信息公开 dropdown, hidden until hovered: the site's column all the same.
                    tuple("personnel", "人事信息", H + "/xxgk/rsxx/"),
                    tuple("news", "政务动态", H + "/zwdt/"),
                    tuple("online_service", "网上办事", H + "/zwfw/"),
                    tuple("forum", "互动交流", H + "/hdjl/"),
                    tuple("overview", "走进青阳", H + "/zjqy/"),
                    tuple("notices", "通知公告", H + "/tzgg/"),
                    tuple("policy", "政策文件", H + "/xxgk/zfwj/"),
                    tuple("service_guide", "办事指南", H + "/zwfw/bszn/"),
                    tuple("downloads", "表格下载", H + "/zwfw/bgxz/"),
                    tuple("mailbox", "县长信箱", H + "/hdjl/xzxx/"),
                    tuple("interviews", "在线访谈", H + "/hdjl/zxft/"),
                    tuple("surveys", "民意征集", H + "/hdjl/myzj/"));
            assertThat(classifier.missingFamilies(sections, SiteKind.COUNTY)).containsExactly("org_info");
        }

        @Test
        void analyze_homepage_distinctDatedLinks() throws IOException {
            HomepageSummary summary = homepages.analyze(load("portal-modern-utf8.html", "text/html", URL),
                    LocalDate.of(2024, 5, 20));
            // 3 news + 3 notices (one repeats a news link) + 1 policy = 6 distinct dated links.
            assertThat(summary.datedItems()).isEqualTo(6);
            assertThat(summary.newestDate()).isEqualTo(LocalDate.of(2024, 5, 18));
            assertThat(summary.contentHash()).hasSize(64);
        }
    }

    @Nested
    class Township2003 {

        private static final String URL = "http://mj.gc.chizhou.gov.cn/";
        private static final String H = "http://mj.gc.chizhou.gov.cn";

        @Test
        void contentLists_navigationRowOfLayoutTable_isNoList() throws IOException {
            // The navigation row (首页 | 政务公开 | 镇情介绍) and the footer row are rows of one layout table; only the
            // 镇内动态 block's rows are items.
            Document doc = load("township-2003-gb2312.html", "text/html", URL);
            List<List<ListEntry>> lists = homepages.contentLists(doc, LocalDate.of(2003, 4, 20));
            assertThat(lists).hasSize(1);
            assertThat(lists.get(0)).extracting(ListEntry::url).containsExactly(H + "/zndt/show.asp?id=231",
                    H + "/zndt/show.asp?id=229", H + "/zndt/show.asp?id=226", H + "/zndt/show.asp?id=220");
        }

        @Test
        void classify_tableNavigationAndMoreLink_findsSections() throws IOException {
            List<PageLink> found = links.extract(load("township-2003-gb2312.html", "text/html", URL));
            List<ClassifiedSection> sections = classifier.classify(found, Set.of("mj.gc.chizhou.gov.cn"),
                    SiteKind.TOWNSHIP_PAGE);
            assertThat(sections).extracting(ClassifiedSection::family, ClassifiedSection::title,
                    ClassifiedSection::url).containsExactly(
                    tuple("open_gov", "政务公开", H + "/zwgk/index.asp"),
                    tuple("overview", "镇情介绍", H + "/zqjs/index.asp"),
                    tuple("news", "镇内动态", H + "/zndt/index.asp"));
        }
    }

    @Nested
    class ListPages {

        @Test
        void analyze_yearLessListWithPaging_countsEntriesAcrossNewYear() throws IOException {
            Document doc = load("list-yearless-paging.html", null, "http://www.chizhou.gov.cn/tzgg/list.asp");
            ListPageSummary summary = lists.analyze(doc, 14, LocalDate.of(2004, 1, 10));
            assertThat(summary.items()).isEqualTo(12);
            assertThat(summary.datedItems()).isEqualTo(12);
            assertThat(summary.blank()).isFalse();
            assertThat(summary.newestDate()).isEqualTo(LocalDate.of(2004, 1, 8));
            // window starts 2003-12-27: 01-08, 01-05, 12-30
            assertThat(summary.itemsInWindow()).isEqualTo(3);
            assertThat(summary.entries()).first().isEqualTo(new ListEntry("关于做好2004年春节期间安全生产工作的通知",
                    "http://www.chizhou.gov.cn/tzgg/show.asp?id=200", LocalDate.of(2004, 1, 8)));
            assertThat(summary.entries()).last().extracting(ListEntry::date).isEqualTo(LocalDate.of(2003, 8, 22));
            assertThat(summary.entries()).extracting(ListEntry::title).doesNotContain("下一页", "尾页", "2", "市政府通知");
        }

        @Test
        void analyze_placeholderPage_isBlank() throws IOException {
            Document doc = load("list-blank.html", null, "http://zj.chizhou.gov.cn/rsxx/");
            ListPageSummary summary = lists.analyze(doc, 365, LocalDate.of(2003, 4, 20));
            assertThat(summary).isEqualTo(new ListPageSummary(0, 0, null, 0, true, List.of()));
        }
    }
}
