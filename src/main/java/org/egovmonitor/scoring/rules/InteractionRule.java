package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * Reply times of the messages (信箱, 留言) of a unit's interactive sections. Messages asked within the lookback are
 * judged: answered ones by their reply's delay, pending ones by their wait until the scoring day. One answered
 * without a published reply date counts as answered, without deduction (its wait is unknown); one whose state the
 * site does not show is not judged. Facts read longer ago than a website measurement may be are no data, as are
 * facts whose every message is of unknown state.
 */
public final class InteractionRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.INTERACTION;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.InteractionFacts facts = input.unit().interaction();
        IndicatorCatalogue cat = input.catalogue();
        LocalDate day = input.day();
        if (facts == null) {
            return j.noData("无数据：未能读取互动栏目的留言及答复");
        }
        if (facts.readOn() != null && facts.readOn().isBefore(day.minusDays(cat.maxMeasurementAgeDays()))) {
            return j.noData("未监测：最近一次读取互动栏目在 " + facts.readOn() + "，早于评分日 "
                    + cat.maxMeasurementAgeDays() + " 天以上");
        }
        LocalDate since = day.minusDays((long) ind.param("lookbackDays"));
        double vetoAfter = ind.param("vetoAfterDays");
        double deductAfter = ind.param("deductAfterDays");
        int counted = 0;
        int late = 0;
        int undated = 0;
        int unknown = 0;
        for (UnitEvidence.Message msg : facts.messages()) {
            if (msg.askedOn() == null || msg.askedOn().isBefore(since) || msg.askedOn().isAfter(day)) {
                continue;
            }
            if (msg.state() == MessageState.UNKNOWN) {
                unknown++;
                continue;
            }
            counted++;
            if (msg.state() == MessageState.ANSWERED && msg.answeredOn() == null) {
                undated++;
                continue;
            }
            boolean answered = msg.state() == MessageState.ANSWERED && !msg.answeredOn().isAfter(day);
            long wait = ChronoUnit.DAYS.between(msg.askedOn(), answered ? msg.answeredOn() : day);
            String seen = "留言 " + msg.askedOn() + (answered ? "，" + msg.answeredOn() + " 答复（" + wait + " 天）"
                    : "，至今未答复（" + wait + " 天）");
            Evidence evidence = new Evidence(msg.url(), msg.askedOn(), null, null);
            if (wait > deductAfter) {
                late++;
                j.deduct(ind.param("pointsPerLateReply"), seen, "应在 " + num(deductAfter) + " 天内答复",
                        "留言答复超时（" + wait + " 天）", evidence);
            }
            if (wait > vetoAfter) {
                j.veto(seen, "超过 " + num(vetoAfter) + " 天未答复即否决", "留言超过 " + num(vetoAfter) + " 天未答复",
                        evidence);
            } else if (!answered && wait > ind.param("warnAfterDays")) {
                j.warn(seen, "超过 " + num(ind.param("warnAfterDays")) + " 天未答复预警（" + num(vetoAfter) + " 天否决）",
                        "留言已 " + wait + " 天未答复，即将达到否决线", evidence);
            }
        }
        String lookback = num(ind.param("lookbackDays"));
        if (counted == 0 && unknown > 0) {
            return j.noData("无数据：近 " + lookback + " 天的 " + unknown + " 条留言均未能判断是否已答复");
        }
        j.observed("近 " + lookback + " 天留言 " + counted + " 条，超时 " + late + " 条"
                + (undated > 0 ? "，其中 " + undated + " 条已答复但未公布答复日期（用时不明，不扣分）" : "")
                + (unknown > 0 ? "；另有 " + unknown + " 条未能判断是否已答复，未计入" : ""));
        return j;
    }
}
