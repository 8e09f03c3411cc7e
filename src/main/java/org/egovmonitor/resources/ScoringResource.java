package org.egovmonitor.resources;

import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.AnyRole;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.api.PeerGroup;
import org.egovmonitor.scoring.AlertRow;
import org.egovmonitor.scoring.CityBottleneck;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.RankingRow;
import org.egovmonitor.scoring.RankingTable;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.SnapshotSummary;
import org.egovmonitor.scoring.WhatIfRequest;
import org.egovmonitor.scoring.WhatIfResult;

/** Rankings, bottlenecks, warnings, what-if and snapshot runs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoringResource {

    private final ScoreSnapshotService scoring;

    public ScoringResource(ScoreSnapshotService scoring) {
        this.scoring = scoring;
    }

    /** A stored day's ranking (latest day by default), of one peer group or all of them. */
    @GET
    @Path("/rankings")
    @AnyRole
    public RankingTable rankings(@QueryParam("group") String group, @QueryParam("date") String date) {
        return scoring.rankings(QueryParams.enumValue(PeerGroup.class, "group", group),
                ScoringParams.date("date", date));
    }

    @GET
    @Path("/rankings.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @AnyRole
    public Response rankingsCsv(@QueryParam("group") String group, @QueryParam("date") String date) {
        RankingTable table = rankings(group, date);
        List<List<Object>> rows = new ArrayList<>();
        for (RankingRow r : table.rows()) {
            rows.add(List.of(r.day(), r.peerGroup().label(), text(r.rank()), text(r.rankChange()), r.unitCode(),
                    r.unitName(), r.total(), r.gradeLabel(), r.vetoed() ? "是" : "否", r.scoredWeight(),
                    indicatorName(r.bottleneck()), r.bottleneckShortfall(), r.vetoCount(), r.warningCount()));
        }
        return CsvExport.attachment("rankings-" + table.day() + ".csv", List.of("日期", "同类组", "排名", "名次变化",
                "单位编码", "单位名称", "得分", "等级", "单项否决", "已评分权重", "瓶颈指标", "瓶颈失分", "否决项数", "预警数"),
                rows);
    }

    private String indicatorName(String id) {
        return id == null ? "" : scoring.catalogue().indicator(id).map(Indicator::name).orElse(id);
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** The city's bottlenecks per peer group: each indicator's shortfall summed over the group, largest first. */
    @GET
    @Path("/bottlenecks")
    @LeaderOrOffice
    public List<CityBottleneck> bottlenecks(@QueryParam("group") String group, @QueryParam("date") String date) {
        return scoring.bottlenecks(QueryParams.enumValue(PeerGroup.class, "group", group),
                ScoringParams.date("date", date));
    }

    /** Warnings (below the veto lines) of a stored day; vetoes too when asked. */
    @GET
    @Path("/warnings")
    @LeaderOrOffice
    public List<AlertRow> warnings(@QueryParam("group") String group, @QueryParam("date") String date,
                                   @QueryParam("includeVetoes") String includeVetoes) {
        return scoring.warnings(QueryParams.enumValue(PeerGroup.class, "group", group),
                ScoringParams.date("date", date), Boolean.TRUE.equals(QueryParams.bool("includeVetoes",
                        includeVetoes)));
    }

    /** Rankings under other weights/thresholds next to the current ones; nothing is saved. */
    @POST
    @Path("/scoring/what-if")
    @OfficeOnly
    public WhatIfResult whatIf(WhatIfRequest request) {
        return scoring.whatIf(RequestBodies.require(request));
    }

    /** Computes and stores a day's snapshot now (today by default), replacing any earlier run of that day. */
    @POST
    @Path("/scoring/snapshot")
    @OfficeOnly
    public SnapshotSummary snapshot(@QueryParam("date") String date) {
        LocalDate day = ScoringParams.date("date", date);
        return scoring.snapshot(day == null ? scoring.today() : day);
    }
}
