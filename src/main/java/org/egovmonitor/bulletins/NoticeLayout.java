package org.egovmonitor.bulletins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Scorecard;
import org.egovmonitor.scoring.UnitScore;

/**
 * A unit's 整改通知书 (rectification notice): its vetoes first, then its other deductions and warnings, each with the
 * evidence and the catalogue's fix hint, and its open 整改 tasks.
 */
public final class NoticeLayout {

    private NoticeLayout() {
    }

    public static ReportDocument layout(Scorecard card, IndicatorCatalogue catalogue, List<OpenTasks.Row> tasks,
                                        LocalDate issuedOn) {
        UnitScore s = card.score();
        List<ReportDocument.Block> blocks = new ArrayList<>();
        blocks.add(new ReportDocument.Paragraph(s.unitName() + "："));
        List<Finding> vetoes = s.vetoes();
        blocks.add(new ReportDocument.Paragraph("根据 " + card.day() + " 的评分快照，你单位本期得分 "
                + BulletinLayout.points(s.total()) + " 分，等级为" + s.grade().label()
                + (vetoes.isEmpty() ? "。" : "，触发单项否决 " + vetoes.size() + " 项。")
                + "现将发现的问题通知如下，请对照整改建议逐项整改，并将整改情况报市信息化主管部门。"));
        blocks.add(new ReportDocument.Heading(1, "一、单项否决问题"));
        blocks.add(findings(vetoes, catalogue, "本期没有单项否决问题。"));
        blocks.add(new ReportDocument.Heading(1, "二、扣分与预警问题"));
        blocks.add(findings(s.findings().stream().filter(f -> f.kind() != FindingKind.VETO).toList(), catalogue,
                "本期没有扣分或预警问题。"));
        blocks.add(new ReportDocument.Heading(1, "三、整改任务"));
        blocks.addAll(BulletinLayout.taskBlocks(tasks, false));
        blocks.add(new ReportDocument.Paragraph("特此通知。"));
        blocks.add(new ReportDocument.Paragraph("市政府信息化主管部门　" + issuedOn));
        return new ReportDocument("整改通知书", List.of("单位：" + s.unitName() + "（" + s.unitCode() + "）",
                "评分快照：" + card.day() + "；评分规则版本：" + card.catalogueVersion()), blocks);
    }

    private static ReportDocument.Block findings(List<Finding> findings, IndicatorCatalogue catalogue, String none) {
        if (findings.isEmpty()) {
            return new ReportDocument.Paragraph(none);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
            String url = e.url() != null ? e.url() : f.siteUrl();
            List<String> evidence = new ArrayList<>();
            if (url != null) {
                evidence.add(url);
            }
            if (e.date() != null) {
                evidence.add("日期 " + e.date());
            }
            if (e.httpStatus() != null) {
                evidence.add("HTTP " + e.httpStatus());
            }
            rows.add(List.of(f.kind().label(), catalogue.indicator(f.indicator()).map(i -> i.name())
                            .orElse(f.indicator()), BulletinLayout.nz(f.message()),
                    evidence.isEmpty() ? "—" : String.join("\n", evidence), BulletinLayout.nz(f.hint())));
        }
        return new ReportDocument.Table(List.of("类型", "指标", "问题", "证据", "整改建议"),
                List.of(1.0, 1.4, 3.0, 2.6, 3.0), rows);
    }
}
