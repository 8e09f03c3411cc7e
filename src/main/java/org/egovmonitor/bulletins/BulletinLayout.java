package org.egovmonitor.bulletins;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.collection.Coverage;
import org.egovmonitor.scoring.CityBottleneck;
import org.egovmonitor.scoring.Grade;

/** The 通报 report's text: a {@link Bulletin} as headings, paragraphs and tables in Chinese. */
public final class BulletinLayout {

    static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private BulletinLayout() {
    }

    public static ReportDocument layout(Bulletin b, ZoneId zone) {
        List<ReportDocument.Block> blocks = new ArrayList<>();
        overview(b, blocks);
        coverage(b.coverage(), blocks);
        rankings(b, blocks);
        vetoes(b, blocks);
        bottlenecks(b, blocks);
        improved(b, blocks);
        tasks(b, blocks);
        periodTasks(b, blocks);
        checks(b, blocks);
        List<String> subtitle = List.of(
                "统计周期：" + b.period().from() + " 至 " + b.period().to(),
                "评分快照：" + b.snapshotDay() + (b.previousDay() == null ? "（上期无快照，不计环比）"
                        : "；环比对照：" + b.previousDay()),
                "评分规则版本：" + b.catalogueVersion() + "；生成时间：" + GENERATED.format(b.generatedAt().atZone(zone)));
        return new ReportDocument("政府网站与政务网络监测" + b.period().kind().label() + "（" + b.period().title() + "）",
                subtitle, blocks);
    }

    private static void overview(Bulletin b, List<ReportDocument.Block> blocks) {
        Bulletin.Overview o = b.overview();
        blocks.add(new ReportDocument.Heading(1, "一、总体情况"));
        blocks.add(new ReportDocument.Paragraph("本期共监测单位 " + o.units() + " 个、网站 " + o.sites() + " 个，其中参与评定 "
                + o.rated() + " 个，单项否决 " + o.vetoed() + " 个。"));
        List<String> headers = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (Grade g : Grade.values()) {
            headers.add(g.label());
            widths.add(1.0);
            counts.add(Integer.toString(o.grades().getOrDefault(g, 0)));
        }
        blocks.add(new ReportDocument.Table(headers, widths, List.of(counts)));
    }

    private static void coverage(Coverage.Counts c, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "二、网络覆盖"));
        if (c == null) {
            blocks.add(new ReportDocument.Paragraph("暂无网络覆盖数据。"));
            return;
        }
        blocks.add(new ReportDocument.Paragraph("全市 " + c.units() + " 个单位中，已接入政务网络 " + c.connected() + " 个，计划接入 "
                + c.planned() + " 个，未接入 " + c.notConnected() + " 个。"));
        blocks.add(new ReportDocument.Table(List.of("单位数", "已接入", "计划接入", "未接入", "终端数", "带宽（Mbps）",
                "节点可用率（7天）", "节点可用率（30天）"), List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.4, 1.4),
                List.of(List.of(Integer.toString(c.units()), Integer.toString(c.connected()),
                        Integer.toString(c.planned()), Integer.toString(c.notConnected()),
                        Integer.toString(c.terminals()), Integer.toString(c.bandwidthMbps()),
                        c.availability7d().text(), c.availability30d().text()))));
    }

    private static final List<String> RANKING_HEADERS = List.of("排名", "单位", "得分", "等级", "上期排名", "排名变化", "得分变化");
    private static final List<Double> RANKING_WIDTHS = List.of(0.8, 3.2, 1.0, 1.0, 1.0, 1.1, 1.1);

    private static void rankings(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "三、分组排名（环比）"));
        if (b.rankings().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("本期没有评分单位。"));
        }
        for (Bulletin.GroupRanking g : b.rankings()) {
            blocks.add(new ReportDocument.Heading(2, g.group().label()));
            blocks.add(new ReportDocument.Table(RANKING_HEADERS, RANKING_WIDTHS,
                    g.lines().stream().map(BulletinLayout::rankingRow).toList()));
        }
    }

    static List<String> rankingRow(Bulletin.RankingLine l) {
        return List.of(l.rank() == null ? "—" : Integer.toString(l.rank()), l.unitName(), points(l.total()),
                l.grade().label(), l.previousRank() == null ? "—" : Integer.toString(l.previousRank()),
                rankChange(l.rankChange()), scoreChange(l.scoreChange()));
    }

    /** 上升 2 / 下降 1 / 持平; a dash without both ranks. */
    static String rankChange(Integer change) {
        if (change == null) {
            return "—";
        }
        if (change == 0) {
            return "持平";
        }
        return (change > 0 ? "上升 " : "下降 ") + Math.abs(change);
    }

    static String scoreChange(Double change) {
        if (change == null) {
            return "—";
        }
        return (change > 0 ? "+" : "") + points(change);
    }

    static String points(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void vetoes(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "四、单项否决单位"));
        if (b.vetoes().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("本期没有单项否决的单位。"));
            return;
        }
        blocks.add(new ReportDocument.Paragraph("以下单位触发单项否决，等级为不合格，请限期整改："));
        blocks.add(new ReportDocument.Table(List.of("单位", "否决指标", "问题", "证据网址", "证据日期", "HTTP状态"),
                List.of(1.8, 1.3, 3.0, 2.6, 1.2, 0.9), b.vetoes().stream().map(v -> List.of(v.unitName(),
                        v.indicator(), nz(v.message()), nz(v.url()), v.date() == null ? "—" : v.date().toString(),
                        v.httpStatus() == null ? "—" : v.httpStatus().toString())).toList()));
    }

    private static void bottlenecks(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "五、全市短板"));
        if (b.bottlenecks().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("本期各组均无失分指标。"));
            return;
        }
        blocks.add(new ReportDocument.Table(List.of("分组", "短板指标", "指标类别", "合计失分", "失分单位", "评定单位"),
                List.of(1.3, 2.2, 1.3, 1.1, 1.1, 1.1), b.bottlenecks().stream().map(BulletinLayout::bottleneckRow)
                        .toList()));
    }

    private static List<String> bottleneckRow(CityBottleneck c) {
        return List.of(c.peerGroup().label(), c.name(), c.group(), points(c.totalShortfall()),
                Integer.toString(c.unitsAffected()), Integer.toString(c.units()));
    }

    private static void improved(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "六、进步最快单位"));
        if (b.improved().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph(b.previousDay() == null ? "上期没有评分快照，本期不计进步情况。"
                    : "本期没有得分上升的单位。"));
            return;
        }
        blocks.add(new ReportDocument.Table(List.of("单位", "分组", "上期得分", "本期得分", "得分变化", "排名变化"),
                List.of(2.8, 1.2, 1.1, 1.1, 1.1, 1.1), b.improved().stream().map(l -> List.of(l.unitName(),
                        l.group().label(), l.previousTotal() == null ? "—" : points(l.previousTotal()),
                        points(l.total()), scoreChange(l.scoreChange()), rankChange(l.rankChange()))).toList()));
    }

    private static void tasks(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "七、整改任务"));
        blocks.addAll(taskBlocks(b.tasks(), true));
    }

    /** Tasks issued or closed within the period, with where each stood at the period's end. */
    private static void periodTasks(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "八、本期整改情况"));
        if (b.periodTasks().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("本期没有下发或销号的整改任务。"));
            return;
        }
        long issued = b.periodTasks().stream().filter(t -> !t.issuedOn().isBefore(b.period().from())).count();
        long closed = b.periodTasks().stream().filter(t -> t.closedOn() != null).count();
        blocks.add(new ReportDocument.Paragraph("本期下发整改任务 " + issued + " 项，销号 " + closed + " 项。"));
        blocks.add(new ReportDocument.Table(List.of("单位", "整改任务", "下发日期", "整改期限", "销号日期", "期末状态"),
                List.of(2.0, 4.0, 1.3, 1.3, 1.3, 1.1), b.periodTasks().stream().map(t -> List.of(t.unitName(),
                        t.task(), t.issuedOn().toString(), t.deadline() == null ? "—" : t.deadline().toString(),
                        t.closedOn() == null ? "—" : t.closedOn().toString(), t.closedOn() != null ? "已销号"
                                : t.deadline() != null && t.deadline().isBefore(b.period().to()) ? "已逾期" : "整改中"))
                        .toList()));
    }

    /**
     * The open tasks as a table (with the unit column for the city report, as of the period's end; without it for a
     * unit's notice, as of today), or a sentence when there are none.
     */
    static List<ReportDocument.Block> taskBlocks(List<OpenTasks.Row> tasks, boolean withUnit) {
        if (tasks.isEmpty()) {
            return List.of(new ReportDocument.Paragraph(withUnit ? "截至本期末，没有未完成的整改任务。" : "目前没有未完成的整改任务。"));
        }
        long overdue = tasks.stream().filter(OpenTasks.Row::overdue).count();
        List<String> headers = new ArrayList<>(List.of("整改任务", "整改期限", "状态"));
        List<Double> widths = new ArrayList<>(List.of(4.0, 1.3, 1.0));
        if (withUnit) {
            headers.add(0, "单位");
            widths.add(0, 2.0);
        }
        List<List<String>> rows = new ArrayList<>();
        for (OpenTasks.Row t : tasks) {
            List<String> row = new ArrayList<>(List.of(t.task(), t.deadline() == null ? "—" : t.deadline().toString(),
                    t.overdue() ? "已逾期" : "整改中"));
            if (withUnit) {
                row.add(0, t.unitName());
            }
            rows.add(row);
        }
        return List.of(new ReportDocument.Paragraph("未完成整改任务 " + tasks.size() + " 项，其中已逾期 " + overdue + " 项。"),
                new ReportDocument.Table(headers, widths, rows));
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The inspection checks: per indicator how many units had problems, then the findings themselves. */
    private static void checks(Bulletin b, List<ReportDocument.Block> blocks) {
        blocks.add(new ReportDocument.Heading(1, "九、网站检查发现"));
        if (b.checks().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("评分规则中没有网站检查类指标。"));
            return;
        }
        blocks.add(new ReportDocument.Paragraph("办事指南要素、内容正确性、技术规范和内容安全检查的结果如下（问题页面的网页快照可在系统中查看）："));
        blocks.add(new ReportDocument.Table(List.of("检查指标", "指标类别", "检查单位", "发现问题单位", "否决单位", "问题数"),
                List.of(1.8, 1.3, 1.1, 1.3, 1.1, 1.0), b.checks().stream().map(c -> List.of(c.indicator(), c.group(),
                        Integer.toString(c.judged()), Integer.toString(c.affected()), Integer.toString(c.vetoed()),
                        Integer.toString(c.findings()))).toList()));
        if (b.checkFindings().isEmpty()) {
            blocks.add(new ReportDocument.Paragraph("本期网站检查未发现扣分问题。"));
            return;
        }
        if (b.checkFindingsTotal() > b.checkFindings().size()) {
            blocks.add(new ReportDocument.Paragraph("本期共发现问题 " + b.checkFindingsTotal() + " 条，以下列出最严重的 "
                    + b.checkFindings().size() + " 条，完整清单见系统各单位评分详情。"));
        }
        blocks.add(new ReportDocument.Table(List.of("单位", "检查指标", "性质", "问题", "问题页面"),
                List.of(1.8, 1.3, 0.9, 3.8, 2.6), b.checkFindings().stream().map(f -> List.of(f.unitName(),
                        f.indicator(), f.veto() ? "单项否决" : "扣 " + points(f.points()) + " 分", nz(f.message()),
                        nz(f.url()))).toList()));
    }
}
