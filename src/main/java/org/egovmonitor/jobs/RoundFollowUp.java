package org.egovmonitor.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.Contributions;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.SnapshotSummary;

/**
 * What follows a finished crawl round, in the snapshot job: read the city portal for 信息报送 (a bounded number of
 * new articles per round), then score the day — so the snapshot sees this round's measurements and contributions.
 * A city without a registered portal is scored all the same. Then the day's new vetoes and warnings are alerted.
 */
public final class RoundFollowUp implements ScoreSnapshotJob.Task {

    private final ContributionService contributions;
    private final ScoreSnapshotService scoring;
    private final AlertHooks alerts;
    private final Clock clock;

    public RoundFollowUp(ContributionService contributions, ScoreSnapshotService scoring, AlertHooks alerts,
                         Clock clock) {
        this.contributions = contributions;
        this.scoring = scoring;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String snapshot(Long roundId) {
        LocalDate today = LocalDate.now(clock);
        String portal = portal().map(uri -> {
            Contributions.RoundResult r = contributions.collectFromPortal(uri, today);
            return "信息报送：新增 " + r.stored() + " 篇，其中 " + r.mapped() + " 篇对应到单位"
                    + (r.errors().isEmpty() ? "" : "，" + r.errors().size() + " 处抓取错误");
        }).orElse("信息报送：未登记门户网站");
        SnapshotSummary s = scoring.snapshot(today);
        String scored = portal + "；评分 " + s.day() + "：" + s.units() + " 个单位，" + s.vetoed() + " 个单项否决";
        String alerted = AlertHooks.reportingFailure(() -> alerts.afterSnapshot(s.day()));
        return alerted.isEmpty() ? scored : scored + "；" + alerted;
    }

    private Optional<URI> portal() {
        try {
            return Optional.of(contributions.registeredPortal());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
