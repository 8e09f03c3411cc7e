package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The engine on the hand-written pages of src/test/resources/pages, served by a local server. */
class MeasureGoldenPagesTest {

    private static HostileServer server;
    private static HostileServer mailboxSite;
    private static HostileServer townshipSite;
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() throws IOException {
        server = HostileServer.start();
        byte[] portal = fixture("portal-modern-utf8.html");
        byte[] notices = fixture("list-yearless-paging.html");
        byte[] blank = fixture("list-blank.html");
        server.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", portal));
        server.route("/tzgg/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", notices));
        server.route("/xxgk/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", blank));
        engine = new MeasurementEngine(MeasureTestSupport.localSettings(), CrawlerFiles.defaultCatalog());

        // A county site with a 2003 县长信箱 in GB18030 (declared gb2312) and a modern 在线咨询 whose list leaves some
        // replies to their own pages: one inline, one a label | value table, one pending, one gone (404).
        mailboxSite = HostileServer.start();
        serve(mailboxSite, "/", "portal-county-mailbox.html", "text/html; charset=utf-8");
        serve(mailboxSite, "/hdjl/xzxx/", "mailbox-list-2003-gb18030.html", "text/html");
        serve(mailboxSite, "/hdjl/zxzx/", "consult-list-modern-utf8.html", "text/html; charset=utf-8");
        serve(mailboxSite, "/hdjl/zxzx/200304/t20030420_501.html", "letter-inline-answered.html", "text/html");
        serve(mailboxSite, "/hdjl/zxzx/200304/t20030401_503.html", "letter-table-answered.html", "text/html");
        serve(mailboxSite, "/hdjl/zxzx/200303/t20030310_505.html", "letter-pending.html", "text/html");

        // A 2003 township page (gb2312 declared): one layout table whose navigation row (首页, 政务公开, 镇情介绍, image
        // separators) is a row like the footer's; 镇内动态 is reached only by its 更多 link, and its list page is gone.
        townshipSite = HostileServer.start();
        serve(townshipSite, "/", "township-2003-gb2312.html", "text/html");
        serve(townshipSite, "/index.asp", "township-2003-gb2312.html", "text/html");
        serve(townshipSite, "/zwgk/index.asp", "township-list-2003-gb2312.html", "text/html");
        serve(townshipSite, "/zqjs/index.asp", "list-blank.html", "text/html");
        serve(townshipSite, "/lxwm.asp", "letter-pending.html", "text/html");
    }

    private static void serve(HostileServer on, String path, String fixture, String contentType) throws IOException {
        byte[] body = fixture(fixture);
        on.route(path, (r, s, out) -> HostileServer.respond(out, 200, contentType, body));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
        mailboxSite.close();
        townshipSite.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MeasureGoldenPagesTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void measure_modernPortal_sectionsHomepageAndBrokenLinks() {
        SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.COUNTY, LocalDate.of(2024, 5, 20));
        String h = "http://127.0.0.1:" + server.port();
        assertThat(m.reachable()).isTrue();
        assertThat(m.charset()).isEqualTo("UTF-8");
        assertThat(m.sections()).extracting(Section::family, Section::title, Section::url).containsExactly(
                tuple("open_gov", "信息公开", h + "/xxgk/"),
                // An entry of the 信息公开 dropdown, hidden until hovered.
                tuple("personnel", "人事信息", h + "/xxgk/rsxx/"),
                tuple("news", "政务动态", h + "/zwdt/"),
                tuple("online_service", "网上办事", h + "/zwfw/"),
                tuple("forum", "互动交流", h + "/hdjl/"),
                tuple("overview", "走进青阳", h + "/zjqy/"),
                tuple("notices", "通知公告", h + "/tzgg/"),
                tuple("policy", "政策文件", h + "/xxgk/zfwj/"),
                tuple("service_guide", "办事指南", h + "/zwfw/bszn/"),
                tuple("downloads", "表格下载", h + "/zwfw/bgxz/"),
                tuple("mailbox", "县长信箱", h + "/hdjl/xzxx/"),
                tuple("interviews", "在线访谈", h + "/hdjl/zxft/"),
                tuple("surveys", "民意征集", h + "/hdjl/myzj/"));
        assertThat(m.missingFamilies()).containsExactly("org_info");
        Section notices = m.sections().get(6);
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.items()).isEqualTo(12);
        // Only year-less dates and no full date to give a year: the latest such day not after now.
        assertThat(notices.newestDate()).isEqualTo(LocalDate.of(2024, 1, 8));
        Section openGov = m.sections().get(0);
        assertThat(openGov.blank()).isTrue();
        // The platform's left-hand column menu is its column tree: three sub-columns, all gone (404), so nothing can
        // be read through the column and it stays blank. The site's navigation bar (it links 首页) is no sub-column.
        assertThat(openGov.children()).extracting(SiteMeasurement.Child::url, SiteMeasurement.Child::status)
                .containsExactly(tuple(h + "/rsxx/list.asp?lb=1", 404), tuple(h + "/rsxx/list.asp?lb=2", 404),
                        tuple(h + "/rsxx/list.asp?lb=3", 404));
        // 通知公告's left-hand menu (div.lm) lists its own sub-columns below /tzgg/; its list still has its 12 items.
        assertThat(notices.children()).extracting(SiteMeasurement.Child::title).containsExactly("市政府通知",
                "部门公告", "公示信息", "招标公告", "其他");
        assertThat(notices.items()).isEqualTo(12);
        assertThat(notices.blank()).isFalse();
        assertThat(m.sections().get(2).status()).isEqualTo(404);
        assertThat(m.sections().get(2).blank()).isFalse();
        assertThat(m.homepage()).extracting(SiteMeasurement.Homepage::newestDate, SiteMeasurement.Homepage::datedItems,
                SiteMeasurement.Homepage::navOnly).containsExactly(LocalDate.of(2024, 5, 18), 6, false);
        assertThat(m.brokenLinks()).extracting(SiteMeasurement.BrokenLink::url).contains(h + "/zwdt/")
                .doesNotContain(h + "/", h + "/tzgg/");
        assertThat(m.pagesFetched()).isEqualTo(22);
        assertThat(m.fetches()).hasSize(22).first().extracting(SiteMeasurement.Fetch::purpose).isEqualTo("HOMEPAGE");
        assertThat(m.errors()).extracting(SiteMeasurement.CrawlError::kind).containsOnly("HTTP_ERROR").hasSize(19);
        assertThat(m.contentHash()).hasSize(64);
    }

    @Test
    void measure_mailboxAndConsultation_messagesFromListsAndTheirPages() {
        SiteMeasurement m = engine.measure(mailboxSite.uri("/"), SiteKind.COUNTY, LocalDate.of(2003, 4, 28));
        String h = "http://127.0.0.1:" + mailboxSite.port();
        assertThat(m.sections()).extracting(Section::family).containsExactly("news", "mailbox", "forum");

        // Everything the 2003 table shows: status and reply date columns under a header row. 已受理 and 未办结 are
        // pending; 已办结 in a title is no status.
        Section mailbox = m.sections().get(1);
        assertThat(m.fetches()).filteredOn(f -> f.url().equals(h + "/hdjl/xzxx/"))
                .extracting(SiteMeasurement.Fetch::charset).containsExactly("GB18030");
        assertThat(mailbox.messages()).extracting(Message::title, Message::url, Message::askedOn,
                Message::answeredOn, Message::state).containsExactly(
                tuple("关于城区路灯长期不亮的问题", h + "/hdjl/xzxx/view.asp?id=1031", LocalDate.of(2003, 4, 18), null,
                        MessageState.PENDING),
                tuple("反映九华路占道经营问题", h + "/hdjl/xzxx/view.asp?id=1027", LocalDate.of(2003, 4, 10),
                        LocalDate.of(2003, 4, 16), MessageState.ANSWERED),
                tuple("咨询下岗职工再就业优惠政策", h + "/hdjl/xzxx/view.asp?id=1019", LocalDate.of(2003, 3, 28),
                        LocalDate.of(2003, 4, 25), MessageState.ANSWERED),
                tuple("关于农村税费改革后村级经费的建议", h + "/hdjl/xzxx/view.asp?id=1002", LocalDate.of(2003, 1, 5),
                        null, MessageState.PENDING),
                tuple("关于外来务工人员子女入学的咨询", h + "/hdjl/xzxx/view.asp?id=1011", LocalDate.of(2003, 3, 2), null,
                        MessageState.PENDING),
                tuple("已办结信件如何查询答复内容", h + "/hdjl/xzxx/view.asp?id=988", LocalDate.of(2002, 12, 20),
                        LocalDate.of(2002, 12, 23), MessageState.ANSWERED));

        // The modern list shows a status for some; its pages tell the rest, a missing page leaves the list's word.
        Section forum = m.sections().get(2);
        String z = h + "/hdjl/zxzx/";
        assertThat(forum.messages()).extracting(Message::title, Message::askedOn, Message::answeredOn,
                Message::state).containsExactly(
                tuple("请问营业执照年检需要带哪些材料", LocalDate.of(2003, 4, 20), LocalDate.of(2003, 4, 22),
                        MessageState.ANSWERED),
                tuple("咨询个体工商户登记事宜", LocalDate.of(2003, 4, 24), null, MessageState.PENDING),
                tuple("关于公交线路调整的咨询", LocalDate.of(2003, 4, 1), LocalDate.of(2003, 4, 3),
                        MessageState.ANSWERED),
                tuple("【已办结】关于社保卡补办的咨询", LocalDate.of(2003, 3, 15), null, MessageState.ANSWERED),
                tuple("咨询公积金提取手续", LocalDate.of(2003, 3, 10), null, MessageState.PENDING));
        assertThat(m.fetches()).filteredOn(f -> f.purpose().equals("MESSAGE"))
                .extracting(SiteMeasurement.Fetch::url).containsExactlyInAnyOrder(
                        z + "200304/t20030420_501.html", z + "200304/t20030401_503.html",
                        z + "200303/t20030315_504.html", z + "200303/t20030310_505.html");
        assertThat(m.errors()).extracting(SiteMeasurement.CrawlError::url)
                .contains(z + "200303/t20030315_504.html");
        assertThat(m.pagesFetched()).isEqualTo(m.fetches().size()).isEqualTo(1 + 3 + 4);
        assertThat(m.sections().get(0).messages()).isEmpty();
    }

    @Test
    void measure_townshipTableNavigationRow_findsItsSections() {
        SiteMeasurement m = engine.measure(townshipSite.uri("/"), SiteKind.TOWNSHIP_PAGE, LocalDate.of(2003, 4, 20));
        String h = "http://127.0.0.1:" + townshipSite.port();
        assertThat(m.charset()).isEqualTo("GB18030");
        assertThat(m.sections()).extracting(Section::family, Section::title, Section::url, Section::status)
                .containsExactly(
                        tuple("open_gov", "政务公开", h + "/zwgk/index.asp", 200),
                        tuple("overview", "镇情介绍", h + "/zqjs/index.asp", 200),
                        tuple("news", "镇内动态", h + "/zndt/index.asp", 404));
        assertThat(m.missingFamilies()).containsExactly("notices");
        Section openGov = m.sections().get(0);
        assertThat(openGov.items()).isEqualTo(3);
        assertThat(openGov.newestDate()).isEqualTo(LocalDate.of(2003, 4, 8));
        assertThat(m.sections().get(1).blank()).isTrue();
        assertThat(m.homepage()).extracting(SiteMeasurement.Homepage::newestDate, SiteMeasurement.Homepage::datedItems,
                SiteMeasurement.Homepage::navOnly).containsExactly(LocalDate.of(2003, 4, 16), 4, false);
    }
}
