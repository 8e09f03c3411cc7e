package org.egovmonitor.bulletins;

import io.dropwizard.jackson.Jackson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.egovmonitor.collection.CoverageService;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.scoring.DaySnapshot;
import org.egovmonitor.scoring.RankedScore;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.egovmonitor.scoring.ScoringFixtures.healthy;

/**
 * 通报 and 整改通知书 generated from real stored snapshots on PostgreSQL (May and June 2024, plus a July day that must
 * not be used), then parsed back: the Word file with POI, the PDF with PDFBox (text, embedded subset font, a rendered
 * first page).
 */
class BulletinFilesTest {

    static final LocalDate MAY_END = LocalDate.of(2024, 5, 31);
    static final LocalDate MID_JUNE = LocalDate.of(2024, 6, 15);
    static final LocalDate JUNE_END = LocalDate.of(2024, 6, 30);
    static final LocalDate JULY = LocalDate.of(2024, 7, 2);
    static final ReportPeriod JUNE = ReportPeriod.containing(BulletinKind.MONTHLY, JUNE_END);

    private Jdbi jdbi;
    private ScoreSnapshotService scoring;
    private BulletinService bulletins;
    private final Map<LocalDate, List<UnitEvidence>> evidence = new HashMap<>();
    private final List<OpenTasks.Row> tasks = new ArrayList<>();
    private final List<PeriodTasks.Row> periodTasks = new ArrayList<>();
    private final List<LocalDate> periodAsked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        Clock clock = Clock.fixed(Instant.parse("2024-07-03T00:30:00Z"), ZoneId.of("Asia/Shanghai"));
        scoring = new ScoreSnapshotService(jdbi, day -> evidence.getOrDefault(day, List.of()),
                ScoringFixtures.CATALOGUE, StrictJsonModule.configure(Jackson.newObjectMapper()), clock);
        bulletins = new BulletinService(jdbi, scoring, new CoverageService(jdbi, clock),
                (asOf, unit) -> tasks.stream().filter(t -> unit == null || t.unitCode().equals(unit)).toList(),
                (from, to) -> {
                    periodAsked.addAll(List.of(from, to));
                    return List.copyOf(periodTasks);
                }, clock);
        // May: dept-a full marks, dept-b without a liaison. June: dept-a off the network, dept-b fixed, dept-c
        // vetoed (homepage 20 days stale), dept-e new. July: everyone off the network (must not be reported).
        evidence.put(MAY_END, List.of(healthy("dept-a"), ScoringFixtures.withLiaison(healthy("dept-b"), null),
                healthy("dept-c"), county("county-a")));
        evidence.put(MID_JUNE, List.of(healthy("dept-a"), healthy("dept-b")));
        evidence.put(JUNE_END, List.of(offNetwork(healthy("dept-a")), healthy("dept-b"),
                ScoringFixtures.withMeasurement(healthy("dept-c"), ScoringFixtures.measurement(
                        JUNE_END.minusDays(20), ScoringFixtures.healthySections(), List.of(), List.of())),
                healthy("dept-e"), county("county-a"), withProblems(healthy("dept-f"))));
        evidence.put(JULY, List.of(offNetwork(healthy("dept-b"))));
        for (LocalDate day : List.of(MAY_END, MID_JUNE, JUNE_END, JULY)) {
            scoring.snapshot(day);
        }
    }

    /** A unit whose site serves a hidden link block (a veto) and lacks its ICP number (a deduction). */
    private static UnitEvidence withProblems(UnitEvidence e) {
        SiteMeasurement h = ScoringFixtures.healthyMeasurement();
        List<CheckResult> checks = new ArrayList<>(h.checks());
        checks.replaceAll(c -> switch (c.check()) {
            case "hiddenLinks" -> CheckResult.judged("hiddenLinks", "首页暗链 1 处", List.of(new CheckProblem("hidden_link",
                    ProblemSeverity.SEVERE, "首页隐藏了指向 casino.example 的链接", "http://site.test/index.html",
                    "casino.example", "删除暗链")), Map.of());
            case "icp" -> CheckResult.judged("icp", "页脚未见 ICP 备案号", List.of(new CheckProblem("icp_missing",
                    ProblemSeverity.DEDUCT, "首页页脚没有 ICP 备案号", null, null, null)), Map.of());
            default -> c;
        });
        return ScoringFixtures.withMeasurement(e, new SiteMeasurement(h.url(), h.finalUrl(), h.kind(), true, 200,
                h.responseMs(), h.charset(), null, h.homepage(), h.sections(), h.missingFamilies(), h.brokenLinks(),
                h.pagesFetched(), h.errors(), h.contentHash(), JUNE_END, h.fetches(), h.linkChecks(), 0, checks));
    }

    private static UnitEvidence county(String code) {
        return ScoringFixtures.withUnit(healthy(code), ScoringFixtures.unit(code, UnitKind.COUNTY));
    }

    private static UnitEvidence offNetwork(UnitEvidence e) {
        return ScoringFixtures.withNode(e, new UnitEvidence.NodeEvidence(NodeStatus.NOT_CONNECTED, null, 0, 0, null));
    }

    private static Map<String, RankedScore> byUnit(DaySnapshot day) {
        Map<String, RankedScore> m = new HashMap<>();
        day.units().forEach(r -> m.put(r.score().unitCode(), r));
        return m;
    }

    @Nested
    class Content {

        @Test
        void build_periodEndSnapshot_comparedWithPreviousPeriodEnd() {
            Bulletin b = bulletins.build(JUNE);
            assertThat(b.snapshotDay()).isEqualTo(JUNE_END);
            assertThat(b.previousDay()).isEqualTo(MAY_END);
            assertThat(b.overview().units()).isEqualTo(6);
            assertThat(b.overview().vetoed()).isEqualTo(2);
            assertThat(b.vetoes()).extracting(Bulletin.VetoLine::unitCode).containsOnly("dept-c", "dept-f");
            assertThat(b.vetoes()).filteredOn(v -> v.unitCode().equals("dept-c")).first()
                    .satisfies(v -> assertThat(v.date()).isEqualTo(JUNE_END.minusDays(20)));
            assertThat(b.checkFindings()).extracting(Bulletin.CheckFindingLine::unitCode).containsOnly("dept-f");
            assertThat(b.improved()).extracting(Bulletin.RankingLine::unitCode).first().isEqualTo("dept-b");
            assertThat(b.bottlenecks()).isNotEmpty();
        }

        @Test
        void build_noSnapshotInPeriod_notFound() {
            assertThatThrownBy(() -> bulletins.build(ReportPeriod.containing(BulletinKind.MONTHLY,
                    LocalDate.of(2024, 4, 1)))).isInstanceOf(NotFoundException.class).hasMessageContaining("没有评分快照");
        }
    }

    @Nested
    class Word {

        @Test
        void docx_headingsTablesChineseAndRankChangesFromStoredSnapshots() throws IOException {
            tasks.add(new OpenTasks.Row("dept-c", "单位dept-c", "首页信息更新不及时，整改首页", LocalDate.of(2024, 6, 20), true));
            BulletinInfo info = bulletins.generate(JUNE, "test-office");
            byte[] bytes = bulletins.file(info.id(), ReportFormat.DOCX).bytes();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                        .map(XWPFParagraph::getText).toList();
                assertThat(headings).containsExactly("一、总体情况", "二、网络覆盖", "三、分组排名（环比）", "四、单项否决单位",
                        "五、全市短板", "六、进步最快单位", "七、整改任务", "八、本期整改情况", "九、网站检查发现");
                assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("政府网站与政务网络监测月报（2024年6月）");
                assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
                        .map(XWPFParagraph::getText)).containsExactly("市直部门", "县区");

                Map<String, RankedScore> june = byUnit(scoring.stored(JUNE_END));
                Map<String, RankedScore> may = byUnit(scoring.stored(MAY_END));
                XWPFTable departments = tableAfter(doc, "市直部门");
                assertThat(cells(departments.getRow(0))).containsExactly("排名", "单位", "得分", "等级", "上期排名", "排名变化",
                        "得分变化");
                for (String unit : List.of("dept-a", "dept-b", "dept-c")) {
                    List<String> row = row(departments, "单位" + unit);
                    RankedScore now = june.get(unit);
                    RankedScore before = may.get(unit);
                    assertThat(row.get(0)).isEqualTo(String.valueOf(now.rank()));
                    assertThat(row.get(4)).isEqualTo(String.valueOf(before.rank()));
                    int change = before.rank() - now.rank();
                    assertThat(row.get(5)).isEqualTo(change > 0 ? "上升 " + change : change < 0 ? "下降 " + -change
                            : "持平");
                    double delta = Math.round((now.score().total() - before.score().total()) * 100) / 100.0;
                    assertThat(row.get(6)).isEqualTo((delta > 0 ? "+" : "") + String.format("%.2f", delta));
                }
                // the moves the evidence was built for: dept-b up (liaison back), dept-a down (off the network)
                assertThat(row(departments, "单位dept-b").get(5)).startsWith("上升");
                assertThat(row(departments, "单位dept-a").get(5)).startsWith("下降");
                assertThat(row(departments, "单位dept-e")).containsSubsequence("—", "—", "—");

                XWPFTable vetoes = tableAfter(doc, "以下单位触发单项否决，等级为不合格，请限期整改：");
                List<String> veto = row(vetoes, "单位dept-c");
                assertThat(veto.get(4)).isEqualTo(JUNE_END.minusDays(20).toString());
                assertThat(veto.get(3)).startsWith("http://");

                // the inspection checks: dept-f's hidden link (a veto, listed first) and missing ICP number
                XWPFTable checkTable = tableAfter(doc,
                        "办事指南要素、内容正确性、技术规范和内容安全检查的结果如下（问题页面的网页快照可在系统中查看）：");
                assertThat(cells(checkTable.getRow(0))).containsExactly("检查指标", "指标类别", "检查单位", "发现问题单位",
                        "否决单位", "问题数");
                assertThat(row(checkTable, "内容安全")).containsExactly("内容安全", "内容保障", "5", "1", "1", "1");
                assertThat(row(checkTable, "技术规范")).containsExactly("技术规范", "网站建设", "5", "1", "0", "1");
                XWPFTable problems = doc.getTables().get(doc.getTables().indexOf(checkTable) + 1);
                assertThat(cells(problems.getRow(1))).containsExactly("单位dept-f", "内容安全", "单项否决",
                        "首页隐藏了指向 casino.example 的链接（建议：删除暗链）", "http://site.test/index.html");
                assertThat(problems.getRows()).hasSize(3); // the veto's own deduction is not a second problem
                assertThat(cells(problems.getRow(2))).containsExactly("单位dept-f", "技术规范", "扣 0.50 分",
                        "首页页脚没有 ICP 备案号", "http://site.test/index.html");

                XWPFTable open = tableAfter(doc, "未完成整改任务 1 项，其中已逾期 1 项。");
                assertThat(cells(open.getRow(1))).containsExactly("单位dept-c", "首页信息更新不及时，整改首页", "2024-06-20",
                        "已逾期");
            }
        }

        @Test
        void docx_periodTasks_issuedAndClosedWithinThePeriodListedWithTheirStateAtItsEnd() throws IOException {
            // issued in May, closed in June; issued and closed in June; issued in June, still open, overdue at its end
            periodTasks.add(new PeriodTasks.Row("dept-a", "单位dept-a", "首页更新：首页已 20 天未更新", LocalDate.of(2024, 5, 28),
                    LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 3)));
            periodTasks.add(new PeriodTasks.Row("dept-b", "单位dept-b", "链接可用性：失效链接 3 个", LocalDate.of(2024, 6, 10),
                    LocalDate.of(2024, 6, 17), LocalDate.of(2024, 6, 12)));
            periodTasks.add(new PeriodTasks.Row("dept-c", "单位dept-c", "栏目空白：空白栏目 5 个", LocalDate.of(2024, 6, 20),
                    LocalDate.of(2024, 6, 27), null));
            BulletinInfo info = bulletins.generate(JUNE, "test-office");
            assertThat(periodAsked).containsExactly(LocalDate.of(2024, 6, 1), JUNE_END);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                    bulletins.file(info.id(), ReportFormat.DOCX).bytes()))) {
                XWPFTable table = tableAfter(doc, "本期下发整改任务 2 项，销号 2 项。");
                assertThat(cells(table.getRow(0))).containsExactly("单位", "整改任务", "下发日期", "整改期限", "销号日期", "期末状态");
                assertThat(cells(table.getRow(1))).containsExactly("单位dept-a", "首页更新：首页已 20 天未更新", "2024-05-28",
                        "2024-06-04", "2024-06-03", "已销号");
                assertThat(cells(table.getRow(2))).containsExactly("单位dept-b", "链接可用性：失效链接 3 个", "2024-06-10",
                        "2024-06-17", "2024-06-12", "已销号");
                assertThat(cells(table.getRow(3))).containsExactly("单位dept-c", "栏目空白：空白栏目 5 个", "2024-06-20",
                        "2024-06-27", "—", "已逾期");
            }
        }

        @Test
        void docx_withoutTasks_saysNoneOpen() throws IOException {
            BulletinInfo info = bulletins.generate(JUNE, "test-office");
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                    bulletins.file(info.id(), ReportFormat.DOCX).bytes()))) {
                assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                        .contains("截至本期末，没有未完成的整改任务。", "本期没有下发或销号的整改任务。");
            }
        }
    }

    @Nested
    class Pdf {

        @Test
        void pdf_chineseTextExtracts_fontEmbeddedAsSubset_firstPageNotBlank() throws IOException {
            BulletinInfo info = bulletins.generate(JUNE, "test-office");
            byte[] bytes = bulletins.file(info.id(), ReportFormat.PDF).bytes();
            assertThat(bytes.length).as("a subset, not the 5 MB font").isLessThan(400_000);
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("政府网站与政务网络监测月报（2024年6月）", "一、总体情况", "三、分组排名（环比）",
                        "单位dept-b", "上升", "单项否决", "第 1 页");
                assertEmbeddedSubset(pdf.getPage(0).getResources());
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
                assertThat(inkShare(page)).as("share of dark pixels on page 1").isBetween(0.005, 0.5);
            }
        }

        @Test
        void notice_pdf_chineseAndEvidence_fontEmbeddedAsSubset() throws IOException {
            evidence.put(JULY, evidence.get(JUNE_END));
            scoring.snapshot(JULY);
            Download pdfFile = bulletins.notice("dept-c", ReportFormat.PDF);
            assertThat(pdfFile.chineseName()).isEqualTo("整改通知书-单位dept-c-2024-07-02.pdf");
            try (PDDocument pdf = Loader.loadPDF(pdfFile.bytes())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("整改通知书", "单位dept-c", "单项否决问题", "日期 " + JUNE_END.minusDays(20));
                assertEmbeddedSubset(pdf.getPage(0).getResources());
            }
        }
    }

    @Test
    void notice_unitOfLatestDay_docxHasVetoEvidenceHintAndOwnTasksOnly() throws IOException {
        evidence.put(JULY, evidence.get(JUNE_END));
        scoring.snapshot(JULY);
        tasks.add(new OpenTasks.Row("dept-c", "单位dept-c", "更新首页", LocalDate.of(2024, 7, 10), false));
        tasks.add(new OpenTasks.Row("dept-a", "单位dept-a", "接入政务网络", LocalDate.of(2024, 7, 10), false));
        Download file = bulletins.notice("dept-c", ReportFormat.DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("整改通知书");
            XWPFTable vetoes = doc.getTables().get(0);
            assertThat(cells(vetoes.getRow(0))).containsExactly("类型", "指标", "问题", "证据", "整改建议");
            List<String> veto = cells(vetoes.getRow(1));
            assertThat(veto.get(0)).isEqualTo("单项否决");
            assertThat(veto.get(3)).contains("日期 " + JUNE_END.minusDays(20));
            assertThat(veto.get(4)).isNotBlank();
            XWPFTable own = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(own.getRows()).hasSize(2);
            assertThat(cells(own.getRow(1))).containsExactly("更新首页", "2024-07-10", "整改中");
        }
    }

    @Test
    void generateEnded_dayAfterMonthEnd_generatesOnce_keepsARegeneratedReport() {
        LocalDate july1 = LocalDate.of(2024, 7, 1);
        assertThat(bulletins.generateEnded(july1)).contains("月报 2024年6月 已生成", "季报 2024年第2季度 已生成",
                "周报 2024年第26周");
        BulletinInfo monthly = bulletins.list().stream().filter(b -> b.kind() == BulletinKind.MONTHLY).findFirst()
                .orElseThrow();
        assertThat(monthly.generatedBy()).isEqualTo(BulletinService.SCHEDULED);
        assertThat(bulletins.regenerate(monthly.id(), "test-office").generatedBy()).isEqualTo("test-office");
        assertThat(bulletins.generateEnded(july1)).contains("月报 2024年6月 已存在");
        assertThat(bulletins.list()).hasSize(3);
        assertThat(bulletins.info(monthly.id()).generatedBy()).isEqualTo("test-office");
        assertThat(bulletins.generateEnded(LocalDate.of(2024, 7, 3))).isEqualTo("昨日没有结束的通报周期");
    }

    static void assertEmbeddedSubset(PDResources resources) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        assertThat(fonts).isNotEmpty();
        for (PDFont font : fonts) {
            assertThat(font).isInstanceOf(PDType0Font.class);
            PDCIDFont descendant = ((PDType0Font) font).getDescendantFont();
            assertThat(font.isEmbedded()).isTrue();
            assertThat(descendant.getFontDescriptor().getFontFile2()).as("embedded TrueType program").isNotNull();
            assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+WenQuanYiMicroHei");
        }
    }

    static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += lum < 128 ? 1 : 0;
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }

    static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    static List<String> row(XWPFTable table, String unitName) {
        return table.getRows().stream().map(BulletinFilesTest::cells).filter(r -> r.contains(unitName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + unitName));
    }

    /** The first table after the paragraph with exactly {@code text}. */
    static XWPFTable tableAfter(XWPFDocument doc, String text) {
        boolean seen = false;
        for (org.apache.poi.xwpf.usermodel.IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getText().equals(text)) {
                seen = true;
            } else if (seen && e instanceof XWPFTable t) {
                return t;
            }
        }
        throw new AssertionError("no table after " + text);
    }
}
