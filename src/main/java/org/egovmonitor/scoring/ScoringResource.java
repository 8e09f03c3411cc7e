package org.egovmonitor.scoring;

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
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.web.CsvExport;
import org.egovmonitor.web.QueryParams;
import org.egovmonitor.web.RequestBodies;

/** Rankings, bottlenecks, warnings, what-if and snapshot runs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoringResource {

    /** Rows per ranking page unless asked otherwise, and the most one page may have (CSV exports are whole). */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final int MAX_SEARCH = 100;

    private final ScoreSnapshotService scoring;

    public ScoringResource(ScoreSnapshotService scoring) {
        this.scoring = scoring;
    }

    /**
     * A stored day's ranking page (latest day by default): filters, order and page are query parameters. {@code date}
     * names an exact day (404 when it has no snapshot); {@code before} asks for the latest snapshot on or before a
     * day instead, and a day with none before it is answered with {@code day: null} and no rows (for comparisons
     * with an earlier day, where "nothing yet" is data).
     */
    @GET
    @Path("/rankings")
    @AnyRole
    public RankingTable rankings(@QueryParam("group") String group, @QueryParam("date") String date,
                                 @QueryParam("before") String before,
                                 @QueryParam("grade") String grade, @QueryParam("q") String search,
                                 @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                                 @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        RankingQuery query = query(group, grade, search, sort, dir,
                QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("limit", limit, DEFAULT_PAGE, 0, MAX_PAGE));
        LocalDate onOrBefore = ScoringParams.date("before", before);
        if (onOrBefore != null) {
            if (date != null && !date.isBlank()) {
                throw new ValidationException(List.of(FieldError.of("before",
                        Messages.get("error.scoring.beforeWithDate"))));
            }
            return scoring.rankingsOnOrBefore(query, onOrBefore);
        }
        return scoring.rankings(query, ScoringParams.date("date", date));
    }

    /**
     * The whole ranking matching the same filters and order, as CSV (UTF-8 with BOM, for Excel). A 未评定 unit's
     * 得分 is left empty: its points are no score.
     */
    @GET
    @Path("/rankings.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @AnyRole
    public Response rankingsCsv(@QueryParam("group") String group, @QueryParam("date") String date,
                                @QueryParam("grade") String grade, @QueryParam("q") String search,
                                @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        RankingTable table = scoring.rankings(query(group, grade, search, sort, dir, 0, null),
                ScoringParams.date("date", date));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingRow r : table.rows()) {
            rows.add(List.of(r.day(), r.peerGroup().label(), text(r.rank()), text(r.rankChange()), r.unitCode(),
                    r.unitName(), r.grade() == Grade.NOT_RATED ? "" : r.total(), r.gradeLabel(), r.vetoed() ? "是" : "否", r.scoredWeight(),
                    indicatorName(r.bottleneck()), r.bottleneckShortfall(), r.vetoCount(), r.warningCount()));
        }
        return CsvExport.attachment("rankings-" + table.day() + ".csv", Messages.list("csv.rankings"),
                rows);
    }

    private static RankingQuery query(String group, String grade, String search, String sort, String dir, int offset,
                                      Integer limit) {
        if (search != null && search.strip().length() > MAX_SEARCH) {
            throw new ValidationException(List.of(FieldError.of("q",
                    Messages.get("error.scoring.searchTooLong", MAX_SEARCH))));
        }
        return new RankingQuery(QueryParams.enumValue(PeerGroup.class, "group", group),
                QueryParams.enumValue(Grade.class, "grade", grade), search,
                QueryParams.enumValue(RankingSort.class, "sort", sort), descending(dir), offset, limit);
    }

    private static boolean descending(String dir) {
        if (dir == null || dir.isBlank() || dir.strip().equalsIgnoreCase("asc")) {
            return false;
        }
        if (dir.strip().equalsIgnoreCase("desc")) {
            return true;
        }
        throw new ValidationException(List.of(FieldError.of("dir", Messages.get("error.scoring.dir"))));
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

    /** The scoring rules in force: indicators, weights per peer group, thresholds, grades (published to all). */
    @GET
    @Path("/indicators")
    @AnyRole
    public IndicatorRules indicators() {
        return IndicatorRules.of(scoring.catalogue());
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
