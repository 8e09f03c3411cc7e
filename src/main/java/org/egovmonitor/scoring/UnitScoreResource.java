package org.egovmonitor.scoring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.auth.OwnUnit;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.web.CsvExport;

/** A unit's scorecard, history and findings export (same path as UnitResource; Jersey merges the two). */
@Path("/api/units/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class UnitScoreResource {

    private final ScoreSnapshotService scoring;

    public UnitScoreResource(ScoreSnapshotService scoring) {
        this.scoring = scoring;
    }

    @GET
    @Path("/scorecard")
    @OwnUnit("code")
    public Scorecard scorecard(@PathParam("code") String code, @QueryParam("date") String date) {
        return scoring.scorecard(code, ScoringParams.date("date", date));
    }

    @GET
    @Path("/history")
    @OwnUnit("code")
    public List<HistoryPoint> history(@PathParam("code") String code) {
        return scoring.history(code);
    }

    /** Every finding of the unit's scorecard (latest day by default) with evidence and fix hint. */
    @GET
    @Path("/findings.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @OwnUnit("code")
    public Response findingsCsv(@PathParam("code") String code, @QueryParam("date") String date) {
        Scorecard card = scorecard(code, date);
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : card.score().findings()) {
            Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
            rows.add(List.of(card.day(), code, card.score().unitName(),
                    scoring.catalogue().indicatorName(f.indicator()),
                    f.kind().label(), f.points(), nz(f.observed()), nz(f.threshold()), nz(f.message()), nz(f.hint()),
                    nz(f.siteUrl()), nz(e.url()), e.date() == null ? "" : e.date(),
                    e.httpStatus() == null ? "" : e.httpStatus(), nz(e.errorKind())));
        }
        return CsvExport.attachment("findings-" + code + "-" + card.day() + ".csv", Messages.list("csv.findings"), rows);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
