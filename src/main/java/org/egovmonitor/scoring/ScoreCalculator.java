package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.scoring.UnitEvidence.SiteEvidence;

/**
 * Scores one unit on one day from its evidence: pure, no I/O, deterministic.
 *
 * <p>Rules of the total (design.md §4):
 * <ul>
 *   <li>Each indicator starts at its weight (for the unit's peer group); deductions are capped at the weight. The
 *       findings of an indicator add up exactly to what it lost: a deduction past the cap is recorded with the
 *       points that were still left (possibly 0), so its evidence is never dropped.</li>
 *   <li>NOT_APPLICABLE (other peer group or unit kind; a township without any page when noSite says so) and
 *       NO_DATA (no measurement, too old a measurement, homepage unreachable at the last crawl, too few probes, no
 *       approved self-report …) are left out: {@code total = 100 × kept points / weight of SCORED indicators}. The
 *       unit shows how much weight was scored; below {@code minScoredWeightPercent} of its applicable weight it is
 *       graded 未评定 and not ranked. Missing data is therefore never a silent zero nor silent full marks.</li>
 *   <li>A unit with several sites is judged, per website indicator, on its <em>worst</em> site (a vetoed site
 *       first, then the fewest points), so a good portal cannot hide a neglected sub-site; vetoes of its other
 *       sites are listed as well. Sites without usable data are skipped unless no site has any.</li>
 *   <li>Content indicators are judged against the measurement's own day ({@code measuredOn}): the evidence is
 *       what the crawler saw that day, not a guess about what happened since.</li>
 *   <li>Any veto makes the grade 不合格 whatever the points (points still shown); a vetoed unit earns no bonus.</li>
 * </ul>
 */
public final class ScoreCalculator {

    private ScoreCalculator() {
    }

    public static UnitScore score(UnitEvidence evidence, IndicatorCatalogue catalogue, LocalDate day) {
        PeerGroup group = evidence.unit().peerGroup();
        List<IndicatorResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            Judgement j = judge(indicator, evidence, catalogue, day);
            results.add(j.result());
            findings.addAll(j.findings);
        }
        double scored = 0;
        double applicable = 0;
        double kept = 0;
        boolean vetoed = false;
        for (IndicatorResult r : results) {
            if (r.state() == IndicatorState.SCORED) {
                scored += r.weight();
                kept += r.points();
            }
            if (r.state() != IndicatorState.NOT_APPLICABLE) {
                applicable += r.weight();
            }
            vetoed |= r.vetoed();
        }
        double base = scored > 0 ? kept * 100 / scored : 0;
        IndicatorCatalogue.Bonus b = catalogue.bonus();
        double bonus = 0;
        boolean ownsBonusSite = evidence.sites().stream().anyMatch(s -> b.siteKinds().contains(s.kind()));
        if (!vetoed && ownsBonusSite && base > b.aboveTotal()) {
            bonus = Math.min(b.points(), Math.max(0, b.maxTotal() - base));
        }
        double total = round(Math.min(b.maxTotal(), base + bonus));
        boolean rated = applicable > 0 && scored * 100 / applicable >= catalogue.minScoredWeightPercent();
        Grade grade = vetoed ? Grade.FAIL : !rated ? Grade.NOT_RATED : grade(total, catalogue.grades());
        IndicatorResult bottleneck = results.stream()
                .filter(r -> r.state() == IndicatorState.SCORED && r.shortfall() > 0)
                .max(Comparator.comparingDouble(IndicatorResult::shortfall)
                        .thenComparing(r -> -results.indexOf(r)))
                .orElse(null);
        return new UnitScore(evidence.unit().code(), evidence.unit().name(), group, total, round(scored),
                round(bonus), grade, vetoed, List.copyOf(results), List.copyOf(findings),
                bottleneck == null ? null : bottleneck.id(), bottleneck == null ? 0 : bottleneck.shortfall());
    }

    static Grade grade(double total, IndicatorCatalogue.Grades grades) {
        if (total >= grades.excellent()) {
            return Grade.EXCELLENT;
        }
        if (total >= grades.good()) {
            return Grade.GOOD;
        }
        return total >= grades.pass() ? Grade.PASS : Grade.FAIL;
    }

    private static Judgement judge(Indicator ind, UnitEvidence ev, IndicatorCatalogue cat, LocalDate day) {
        PeerGroup group = ev.unit().peerGroup();
        if (!ind.appliesTo(group)) {
            return Judgement.notApplicable(ind, "不适用于" + group.label());
        }
        double weight = ind.weightFor(group);
        if (!ind.appliesToKind(ev.unit().kind())) {
            return Judgement.notApplicable(ind, "不适用于该类单位");
        }
        if (ind.rule().website()) {
            return judgeWebsite(ind, weight, ev, cat, day);
        }
        Judgement j = new Judgement(ind, weight, null);
        switch (ind.rule()) {
            case INTERACTION -> interaction(j, ev.interaction(), cat, day);
            case NETWORK_COVERAGE -> network(j, ev.node());
            case LAN_OA -> lanOa(j, ev.lanReport());
            case APPLICATIONS -> applications(j, ev.lanReport());
            case LIAISON -> liaison(j, ev.liaison());
            case CONTRIBUTION -> contribution(j, ev.contributions());
            default -> throw new IllegalStateException("unhandled rule " + ind.rule());
        }
        return j;
    }

    // ---- website indicators: one judgement per site, the worst one counts

    private static Judgement judgeWebsite(Indicator ind, double weight, UnitEvidence ev, IndicatorCatalogue cat,
                                          LocalDate day) {
        if (ev.sites().isEmpty()) {
            if (cat.noSite(ev.unit().peerGroup()) == IndicatorCatalogue.NoSitePolicy.NOT_APPLICABLE) {
                return Judgement.notApplicable(ind, "本单位没有受监测的网站或网页");
            }
            Judgement j = new Judgement(ind, weight, null);
            j.observed = "无网站";
            j.deduct(weight, "登记册中无本单位受监测的网站或网页", "应建有网站或在上级网站开设网页",
                    "未建网站（或网站未登记监测），本项不得分", Evidence.NONE);
            return j;
        }
        List<Judgement> perSite = new ArrayList<>();
        for (SiteEvidence site : ev.sites()) {
            perSite.add(judgeSite(ind, weight, site, cat, day));
        }
        List<Judgement> scored = perSite.stream().filter(j -> j.state == IndicatorState.SCORED).toList();
        if (scored.isEmpty()) {
            Judgement j = new Judgement(ind, weight, null);
            j.state = IndicatorState.NO_DATA;
            j.reason = String.join("；", perSite.stream().map(s -> s.reason).distinct().toList());
            return j;
        }
        Judgement worst = scored.stream()
                .min(Comparator.comparing((Judgement s) -> !s.vetoed).thenComparingDouble(Judgement::points))
                .orElseThrow();
        for (Judgement other : scored) {
            if (other != worst && other.vetoed) {
                other.findings.stream().filter(f -> f.kind() == FindingKind.VETO).forEach(worst.findings::add);
            }
        }
        if (ev.sites().size() > 1) {
            worst.reason = "按最差站点评分：" + worst.siteUrl;
        }
        return worst;
    }

    private static Judgement judgeSite(Indicator ind, double weight, SiteEvidence site, IndicatorCatalogue cat,
                                       LocalDate day) {
        Judgement j = new Judgement(ind, weight, site.url());
        if (ind.rule() == RuleType.AVAILABILITY) {
            availability(j, site);
            return j;
        }
        SiteMeasurement m = site.measurement();
        if (m == null) {
            return j.noData("未监测：" + (site.missingReason() == null ? "尚无抓取结果" : site.missingReason()));
        }
        if (m.measuredOn() == null || m.measuredOn().isBefore(day.minusDays(cat.maxMeasurementAgeDays()))) {
            return j.noData("未监测：最近一次抓取在 " + m.measuredOn() + "，早于评分日 " + cat.maxMeasurementAgeDays()
                    + " 天以上");
        }
        if (!m.reachable()) {
            return j.noData("未监测：最近一次抓取首页不可达（HTTP " + m.status() + (m.errorKind() == null ? ""
                    : "，" + m.errorKind()) + "），可用性见“网站可用性”");
        }
        switch (ind.rule()) {
            case HOMEPAGE_FRESHNESS -> homepageFreshness(j, m);
            case SECTION_FRESHNESS -> sectionFreshness(j, m, cat);
            case BLANK_SECTIONS -> blankSections(j, m);
            case SECTION_COMPLETENESS -> completeness(j, m, cat);
            case LINK_HEALTH -> linkHealth(j, m);
            case UPDATE_VOLUME -> updateVolume(j, m, cat);
            default -> throw new IllegalStateException("unhandled rule " + ind.rule());
        }
        return j;
    }

    static void availability(Judgement j, SiteEvidence site) {
        Indicator ind = j.indicator;
        int window = (int) ind.param("windowDays");
        int min = (int) ind.param("minSamples");
        if (site.probeSamples() < min || site.probeSamples() == 0) {
            j.noData("无数据：" + window + " 天内仅 " + site.probeSamples() + " 次可用性探测（至少需 " + min + " 次）");
            return;
        }
        double share = site.probeFailures() * 100.0 / site.probeSamples();
        j.observed = window + " 天探测 " + site.probeSamples() + " 次，失败 " + site.probeFailures() + " 次（"
                + pct(share) + "）";
        UnitEvidence.ProbeFailure last = site.lastFailure();
        Evidence evidence = last == null ? Evidence.of(site.url())
                : new Evidence(last.url(), last.on(), last.status(), last.errorKind());
        double vetoAt = ind.param("vetoAtPercent");
        double deductFrom = ind.param("deductFromPercent");
        double warnAt = ind.param("warnAtPercent");
        if (share >= deductFrom) {
            j.deduct(ind.param("pointsPerPercent") * share, j.observed, "失败率 ≥ " + num(deductFrom) + "% 扣分（每 1% 扣 "
                    + num(ind.param("pointsPerPercent")) + " 分）", "首页探测失败率 " + pct(share) + "，网站不能稳定访问",
                    evidence);
        }
        if (share >= vetoAt) {
            j.veto(j.observed, "失败率 ≥ " + num(vetoAt) + "% 单项否决", "首页 " + window + " 天探测失败率 " + pct(share)
                    + "，达到否决线", evidence);
        } else if (share >= warnAt) {
            j.warn(j.observed, "失败率 ≥ " + num(warnAt) + "% 预警（" + num(vetoAt) + "% 否决）",
                    "首页探测失败率 " + pct(share) + "，接近否决线", evidence);
        }
    }

    static void homepageFreshness(Judgement j, SiteMeasurement m) {
        Indicator ind = j.indicator;
        String home = m.finalUrl() != null ? m.finalUrl() : m.url();
        double vetoAfter = ind.param("vetoAfterDays");
        LocalDate newest = m.homepage() == null ? null : m.homepage().newestDate();
        String via = m.homepage() != null && m.homepage().navOnly() ? "（导航型首页，按二级页面判断）" : "";
        if (newest == null) {
            j.observed = "首页无带日期的信息" + via;
            Evidence evidence = new Evidence(home, null, m.status(), null);
            j.deduct(j.weight, j.observed, "超过 " + num(vetoAfter) + " 天未更新即否决",
                    "首页没有任何带日期的信息，无法确认更新（无日期的内容不计为更新）", evidence);
            j.veto(j.observed, "超过 " + num(vetoAfter) + " 天未更新即否决", "首页未发现带日期的更新", evidence);
            return;
        }
        long days = ChronoUnit.DAYS.between(newest, m.measuredOn());
        j.observed = "首页最新信息 " + newest + "（抓取时已 " + days + " 天）" + via;
        Evidence evidence = new Evidence(home, newest, m.status(), null);
        double deductAfter = ind.param("deductAfterDays");
        if (days > deductAfter) {
            j.deduct(ind.param("pointsPerDay") * (days - deductAfter), j.observed, "超过 " + num(deductAfter)
                    + " 天未更新，每天扣 " + num(ind.param("pointsPerDay")) + " 分", "首页已 " + days + " 天未更新", evidence);
        }
        if (days > vetoAfter) {
            j.veto(j.observed, "超过 " + num(vetoAfter) + " 天未更新即否决", "首页已 " + days + " 天未更新，达到否决线",
                    evidence);
        } else if (days >= ind.param("warnAtDays")) {
            j.warn(j.observed, num(ind.param("warnAtDays")) + " 天未更新预警（超过 " + num(vetoAfter) + " 天否决）",
                    "首页已 " + days + " 天未更新，即将达到否决线", evidence);
        }
    }

    static void sectionFreshness(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator;
        int stale = 0;
        int coreStale = 0;
        int judged = 0;
        for (SiteMeasurement.Section s : m.sections()) {
            SectionFamily family = cat.sections().family(s.family()).orElse(null);
            if (family == null || family.windowDays() == null || !family.shouldUpdate()) {
                continue;
            }
            judged++;
            long days = s.newestDate() == null ? -1 : ChronoUnit.DAYS.between(s.newestDate(), m.measuredOn());
            if (s.newestDate() != null && days <= family.windowDays()) {
                continue;
            }
            stale++;
            if (ind.families().contains(family.id())) {
                coreStale++;
            }
            String seen = s.newestDate() == null ? "栏目“" + s.title() + "”无带日期的信息"
                    : "栏目“" + s.title() + "”最新信息 " + s.newestDate() + "（已 " + days + " 天）";
            j.deduct(ind.param("pointsPerStaleSection"), seen, family.name() + "类栏目应在 " + family.windowDays()
                            + " 天内更新", "栏目“" + s.title() + "”（" + family.name() + "）超过更新周期未更新",
                    new Evidence(s.url(), s.newestDate(), s.status(), null));
        }
        j.observed = "需更新栏目 " + judged + " 个，超期 " + stale + " 个（其中" + familyNames(ind, cat) + " " + coreStale
                + " 个）";
        staleSubColumns(j, m, cat);
        double vetoCore = ind.param("vetoAtCoreStale");
        double vetoAll = ind.param("vetoAtShouldUpdateStale");
        String home = m.finalUrl() != null ? m.finalUrl() : m.url();
        if (coreStale >= vetoCore) {
            j.veto(j.observed, familyNames(ind, cat) + "超期栏目 ≥ " + num(vetoCore) + " 个单项否决",
                    familyNames(ind, cat) + "类栏目有 " + coreStale + " 个超期未更新，达到否决线", Evidence.of(home));
        }
        if (stale >= vetoAll) {
            j.veto(j.observed, "应更新栏目超期 ≥ " + num(vetoAll) + " 个单项否决",
                    "应更新栏目有 " + stale + " 个超期未更新，达到否决线", Evidence.of(home));
        }
        if (!j.vetoed && coreStale >= ind.param("warnAtCoreStale")) {
            j.warn(j.observed, familyNames(ind, cat) + "超期栏目 ≥ " + num(ind.param("warnAtCoreStale")) + " 个预警（"
                    + num(vetoCore) + " 个否决）", familyNames(ind, cat) + "类栏目有 " + coreStale + " 个超期，接近否决线",
                    Evidence.of(home));
        }
    }

    /**
     * A stale sub-column (子栏目) is a finding of its own, at warning level: no points and no part of the veto counts.
     * Its section is already judged by the newest date of its whole tree, so points here would count the same
     * column twice; the warning names the sub-column and its page so the unit can fix it. A sub-column that could
     * not be read, or is blank (see {@link #blankSections}), is not judged here.
     */
    static void staleSubColumns(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        for (SiteMeasurement.Section s : m.sections()) {
            SectionFamily family = cat.sections().family(s.family()).orElse(null);
            if (family == null || family.windowDays() == null || !family.shouldUpdate()) {
                continue;
            }
            for (SiteMeasurement.Child c : s.children()) {
                if (c.blank() || c.items() == 0) {
                    continue;
                }
                long days = c.newestDate() == null ? -1 : ChronoUnit.DAYS.between(c.newestDate(), m.measuredOn());
                if (c.newestDate() != null && days <= family.windowDays()) {
                    continue;
                }
                String seen = c.newestDate() == null ? "子栏目“" + c.title() + "”无带日期的信息"
                        : "子栏目“" + c.title() + "”最新信息 " + c.newestDate() + "（已 " + days + " 天）";
                j.warn(seen, family.name() + "类栏目应在 " + family.windowDays() + " 天内更新（子栏目仅预警，不扣分）",
                        "栏目“" + s.title() + "”下的子栏目“" + c.title() + "”超过更新周期未更新",
                        new Evidence(c.url(), c.newestDate(), c.status(), null));
            }
        }
    }

    private static String familyNames(Indicator ind, IndicatorCatalogue cat) {
        return String.join("/", ind.families().stream()
                .map(id -> cat.sections().family(id).map(SectionFamily::name).orElse(id)).toList());
    }

    static void blankSections(Judgement j, SiteMeasurement m) {
        Indicator ind = j.indicator;
        List<SiteMeasurement.Section> blank = m.sections().stream().filter(SiteMeasurement.Section::blank).toList();
        j.observed = "空白栏目 " + blank.size() + " 个";
        for (SiteMeasurement.Section s : blank) {
            j.deduct(ind.param("pointsPerBlank"), "栏目“" + s.title() + "”无内容", "每个空白栏目扣 "
                    + num(ind.param("pointsPerBlank")) + " 分", "栏目“" + s.title() + "”为空白栏目",
                    new Evidence(s.url(), null, s.status(), null));
        }
        // A blank sub-column is a finding of its own, at warning level (no points, outside the veto count): the rules
        // judge every column, but its section is already judged, blank only when its whole tree is.
        for (SiteMeasurement.Section s : m.sections()) {
            for (SiteMeasurement.Child c : s.children()) {
                if (c.blank()) {
                    j.warn("子栏目“" + c.title() + "”无内容", "空白子栏目预警（不扣分）",
                            "栏目“" + s.title() + "”下的子栏目“" + c.title() + "”为空白栏目",
                            new Evidence(c.url(), null, c.status(), null));
                }
            }
        }
        String home = m.finalUrl() != null ? m.finalUrl() : m.url();
        double vetoAt = ind.param("vetoAt");
        if (blank.size() >= vetoAt) {
            j.veto(j.observed, "空白栏目 ≥ " + num(vetoAt) + " 个单项否决", "空白栏目 " + blank.size() + " 个，达到否决线",
                    Evidence.of(home));
        } else if (blank.size() > ind.param("warnAbove")) {
            j.warn(j.observed, "空白栏目超过 " + num(ind.param("warnAbove")) + " 个预警（" + num(vetoAt) + " 个否决）",
                    "空白栏目 " + blank.size() + " 个，接近否决线", Evidence.of(home));
        }
    }

    static void completeness(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator;
        List<String> missing = m.missingFamilies() == null ? List.of() : m.missingFamilies();
        String home = m.finalUrl() != null ? m.finalUrl() : m.url();
        j.observed = "缺少必设栏目 " + missing.size() + " 个";
        for (String id : missing) {
            String name = cat.sections().family(id).map(SectionFamily::name).orElse(id);
            j.deduct(ind.param("pointsPerMissing"), "首页未找到“" + name + "”栏目", m.kind() + " 类网站必设栏目",
                    "缺少必设栏目“" + name + "”", new Evidence(home, null, m.status(), null));
        }
        if (!missing.isEmpty() && missing.size() >= ind.param("warnAtMissing")) {
            j.warn(j.observed, "缺少必设栏目 ≥ " + num(ind.param("warnAtMissing")) + " 个预警",
                    "缺少必设栏目 " + missing.size() + " 个", Evidence.of(home));
        }
    }

    static void linkHealth(Judgement j, SiteMeasurement m) {
        Indicator ind = j.indicator;
        List<SiteMeasurement.BrokenLink> broken = m.brokenLinks() == null ? List.of() : m.brokenLinks();
        j.observed = "首页错误链接 " + broken.size() + " 个"
                + (m.linkSample().sampled() ? "（" + m.linkSample().label() + "）" : "");
        for (SiteMeasurement.BrokenLink link : broken) {
            String what = link.status() != null ? "HTTP " + link.status() : link.error();
            j.deduct(ind.param("pointsPerBrokenLink"), "链接不可用（" + what + "）", "每个首页错误链接扣 "
                    + num(ind.param("pointsPerBrokenLink")) + " 分", "首页链接 " + link.url() + " 不可用（" + what + "）",
                    new Evidence(link.url(), null, link.status(), link.error()));
        }
        if (!broken.isEmpty() && broken.size() >= ind.param("warnAt")) {
            String home = m.finalUrl() != null ? m.finalUrl() : m.url();
            j.warn(j.observed, "错误链接 ≥ " + num(ind.param("warnAt")) + " 个预警", "首页有 " + broken.size()
                    + " 个错误链接", Evidence.of(home));
        }
    }

    static void updateVolume(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator;
        double volume = 0;
        String firstUrl = null;
        LocalDate newest = null;
        for (SiteMeasurement.Section s : m.sections()) {
            if (!ind.families().contains(s.family())) {
                continue;
            }
            SectionFamily family = cat.sections().family(s.family()).orElseThrow();
            volume += s.itemsInWindow() * 30.0 / family.windowDays();
            if (firstUrl == null) {
                firstUrl = s.url();
            }
            if (s.newestDate() != null && (newest == null || s.newestDate().isAfter(newest))) {
                newest = s.newestDate();
            }
        }
        volume = round(volume);
        double floor = ind.param("floorPer30Days");
        j.observed = familyNames(ind, cat) + "类栏目每 30 天约 " + num(volume) + " 条";
        if (volume < floor) {
            String home = m.finalUrl() != null ? m.finalUrl() : m.url();
            j.deduct(ind.param("pointsPerMissingItem") * (floor - volume), j.observed, "每 30 天不少于 " + num(floor)
                            + " 条", firstUrl == null ? "未找到" + familyNames(ind, cat) + "类栏目，更新量为 0"
                            : "更新量不足：每 30 天约 " + num(volume) + " 条，低于 " + num(floor) + " 条",
                    new Evidence(firstUrl != null ? firstUrl : home, newest, null, null));
        }
    }

    // ---- unit-level indicators

    /**
     * Messages asked within the lookback are judged: answered ones by their reply's delay, pending ones by their wait
     * until {@code day}. One answered without a published reply date counts as answered, without deduction (its wait
     * is unknown); one whose state the site does not show is not judged. Facts read longer ago than a website
     * measurement may be are no data, as are facts whose every message is of unknown state.
     */
    static void interaction(Judgement j, UnitEvidence.InteractionFacts facts, IndicatorCatalogue cat,
                            LocalDate day) {
        Indicator ind = j.indicator;
        if (facts == null) {
            j.noData("无数据：未能读取互动栏目的留言及答复");
            return;
        }
        if (facts.readOn() != null && facts.readOn().isBefore(day.minusDays(cat.maxMeasurementAgeDays()))) {
            j.noData("未监测：最近一次读取互动栏目在 " + facts.readOn() + "，早于评分日 " + cat.maxMeasurementAgeDays()
                    + " 天以上");
            return;
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
            j.noData("无数据：近 " + lookback + " 天的 " + unknown + " 条留言均未能判断是否已答复");
            return;
        }
        j.observed = "近 " + lookback + " 天留言 " + counted + " 条，超时 " + late + " 条"
                + (undated > 0 ? "，其中 " + undated + " 条已答复但未公布答复日期（用时不明，不扣分）" : "")
                + (unknown > 0 ? "；另有 " + unknown + " 条未能判断是否已答复，未计入" : "");
    }

    static void network(Judgement j, UnitEvidence.NodeEvidence node) {
        Indicator ind = j.indicator;
        if (node == null) {
            j.noData("无数据：登记册中没有本单位的网络节点信息");
            return;
        }
        Evidence evidence = node.endpoint() == null ? Evidence.NONE : Evidence.of(node.endpoint());
        j.observed = switch (node.status()) {
            case CONNECTED -> "已接入" + (node.phase() == null ? "" : "（" + node.phase() + " 期）");
            case PLANNED -> "规划接入";
            case NOT_CONNECTED -> "未接入";
        };
        if (node.status() == NodeStatus.PLANNED) {
            j.deduct(ind.param("pointsPlanned"), j.observed, "应接入电子政务信息交换网", "尚未接入政务网（已列入规划）",
                    evidence);
        } else if (node.status() == NodeStatus.NOT_CONNECTED) {
            j.deduct(ind.param("pointsNotConnected"), j.observed, "应接入电子政务信息交换网", "未接入政务网", evidence);
        } else if (node.probeSamples() >= ind.param("minSamples") && node.probeSamples() > 0) {
            double share = node.probeFailures() * 100.0 / node.probeSamples();
            j.observed += "，节点探测失败率 " + pct(share);
            if (share >= ind.param("nodeFailureDeductFromPercent")) {
                j.deduct(ind.param("pointsNodeUnreliable"), j.observed, "节点探测失败率 ≥ "
                        + num(ind.param("nodeFailureDeductFromPercent")) + "% 扣分", "网络节点不能稳定连通（失败率 "
                        + pct(share) + "）", evidence);
            }
        }
    }

    static void lanOa(Judgement j, UnitEvidence.LanReport r) {
        Indicator ind = j.indicator;
        if (r == null) {
            j.noData("无数据：没有已审核通过的局域网自报");
            return;
        }
        Evidence evidence = new Evidence(null, r.approvedOn(), null, "self-report");
        j.observed = (r.lanPresent() ? "有局域网" : "无局域网") + "，计算机 " + r.computers() + " 台 / 人员 " + r.staff()
                + " 人，" + (r.oaInUse() ? "已用 OA" : "未用 OA") + "，" + (r.internetAccess() ? "可上网" : "未接互联网");
        if (!r.lanPresent()) {
            j.deduct(ind.param("pointsNoLan"), "无局域网", "应建有局域网", "单位未建局域网", evidence);
        }
        double min = ind.param("minComputersPerStaff");
        if (r.staff() > 0 && (double) r.computers() / r.staff() < min) {
            j.deduct(ind.param("pointsLowComputers"), "计算机 " + r.computers() + " 台 / 人员 " + r.staff() + " 人",
                    "人均计算机不少于 " + num(min) + " 台", "计算机配备不足", evidence);
        }
        if (!r.oaInUse()) {
            j.deduct(ind.param("pointsNoOa"), "未使用办公自动化系统", "应使用 OA", "未启用办公自动化（OA）", evidence);
        }
        if (!r.internetAccess()) {
            j.deduct(ind.param("pointsNoInternet"), "未接入互联网", "应接入互联网", "单位未接入互联网", evidence);
        }
    }

    static void applications(Judgement j, UnitEvidence.LanReport r) {
        Indicator ind = j.indicator;
        if (r == null) {
            j.noData("无数据：没有已审核通过的应用系统自报");
            return;
        }
        Evidence evidence = new Evidence(null, r.approvedOn(), null, "self-report");
        List<String> missing = ind.systems().stream().filter(s -> !r.systemsInUse().contains(s)).toList();
        j.observed = "在用系统 " + (ind.systems().size() - missing.size()) + " / " + ind.systems().size();
        for (String system : missing) {
            j.deduct(ind.param("pointsPerMissingSystem"), "未使用 " + systemName(system), "应使用 "
                    + systemName(system), "未建设或未使用" + systemName(system), evidence);
        }
    }

    private static String systemName(String id) {
        return switch (id) {
            case "oa" -> "办公自动化系统";
            case "vertical_network" -> "纵向业务网";
            case "video_conference" -> "视频会议系统";
            case "database" -> "业务数据库";
            default -> id;
        };
    }

    static void liaison(Judgement j, UnitEvidence.LiaisonFacts liaison) {
        Indicator ind = j.indicator;
        if (liaison == null) {
            j.observed = "未登记";
            j.deduct(ind.param("pointsNoLiaison"), "未登记信息联络员", "应有在任信息联络员", "未登记信息联络员",
                    Evidence.NONE);
            return;
        }
        j.observed = "已登记（自 " + liaison.since() + "）";
        if (liaison.phone() == null || liaison.phone().isBlank()) {
            j.deduct(ind.param("pointsNoPhone"), "联络员 " + liaison.name() + " 未登记电话", "应登记联系电话",
                    "信息联络员缺少联系电话", new Evidence(null, liaison.since(), null, null));
        }
    }

    static void contribution(Judgement j, UnitEvidence.Contributions c) {
        Indicator ind = j.indicator;
        if (c == null) {
            j.noData("无数据：未统计门户网站报送信息");
            return;
        }
        double target = ind.param("targetPer30Days");
        j.observed = "近 30 天报送 " + c.last30Days() + " 条，近 90 天 " + c.last90Days() + " 条";
        double ratio = target <= 0 ? 1 : Math.min(1, c.last30Days() / target);
        if (ratio < 1) {
            j.deduct(j.weight * (1 - ratio), j.observed, "每 30 天不少于 " + num(target) + " 条",
                    "信息报送不足：近 30 天 " + c.last30Days() + " 条，目标 " + num(target) + " 条", Evidence.NONE);
        }
        if (c.last90Days() < ind.param("warnBelowPer90Days")) {
            j.warn(j.observed, "近 90 天少于 " + num(ind.param("warnBelowPer90Days")) + " 条预警",
                    "近 90 天仅报送 " + c.last90Days() + " 条", Evidence.NONE);
        }
    }

    // ---- helpers

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("0$", "");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share);
    }

    /** One indicator being judged; findings add up to exactly what it loses. */
    static final class Judgement {
        final Indicator indicator;
        final double weight;
        final String siteUrl;
        final List<Finding> findings = new ArrayList<>();
        IndicatorState state = IndicatorState.SCORED;
        String observed = "";
        String reason;
        double deducted;
        boolean vetoed;

        Judgement(Indicator indicator, double weight, String siteUrl) {
            this.indicator = indicator;
            this.weight = weight;
            this.siteUrl = siteUrl;
        }

        static Judgement notApplicable(Indicator indicator, String reason) {
            Judgement j = new Judgement(indicator, 0, null);
            j.state = IndicatorState.NOT_APPLICABLE;
            j.reason = reason;
            return j;
        }

        Judgement noData(String why) {
            state = IndicatorState.NO_DATA;
            reason = why;
            findings.clear();
            return this;
        }

        void deduct(double points, String seen, String threshold, String message, Evidence evidence) {
            double wanted = round(points);
            double taken = round(Math.min(wanted, weight - deducted));
            deducted = round(deducted + taken);
            String text = taken < wanted ? message + "（本项扣分已达上限 " + num(weight) + " 分）" : message;
            findings.add(new Finding(indicator.id(), FindingKind.DEDUCTION, taken, seen, threshold, text,
                    indicator.hint(), siteUrl, evidence));
        }

        void veto(String seen, String threshold, String message, Evidence evidence) {
            vetoed = true;
            findings.add(new Finding(indicator.id(), FindingKind.VETO, 0, seen, threshold, message, indicator.hint(),
                    siteUrl, evidence));
        }

        void warn(String seen, String threshold, String message, Evidence evidence) {
            findings.add(new Finding(indicator.id(), FindingKind.WARNING, 0, seen, threshold, message,
                    indicator.hint(), siteUrl, evidence));
        }

        double points() {
            return state == IndicatorState.SCORED ? round(Math.max(0, weight - deducted)) : 0;
        }

        IndicatorResult result() {
            double points = points();
            double shortfall = state == IndicatorState.SCORED ? round(weight - points) : 0;
            return new IndicatorResult(indicator.id(), indicator.name(), indicator.group(), state, weight, points,
                    shortfall, observed, reason, vetoed && state == IndicatorState.SCORED);
        }
    }
}
