package org.egovmonitor.collection;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.web.QueryParams;
import org.egovmonitor.web.RequestBodies;

/** Network coverage for the leader charts, and the office's node survey import. */
@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    private final CoverageService coverage;
    private final NodeSurvey survey;

    public CoverageResource(CoverageService coverage, NodeSurvey survey) {
        this.coverage = coverage;
        this.survey = survey;
    }

    @GET
    @LeaderOrOffice
    public Coverage.Report current() {
        return coverage.current();
    }

    @GET
    @Path("/units")
    @LeaderOrOffice
    public List<Coverage.UnitCoverage> units(@QueryParam("group") String group) {
        return coverage.units(QueryParams.enumValue(PeerGroup.class, "group", group));
    }

    /** Month-end counts; {@code from}/{@code to} as YYYY-MM. */
    @GET
    @Path("/history")
    @LeaderOrOffice
    public Coverage.History history(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("group") String group) {
        return coverage.history(month("from", from), month("to", to),
                QueryParams.enumValue(PeerGroup.class, "group", group));
    }

    /**
     * A node survey spreadsheet saved as CSV; all rows applied, or none with the line errors (422). The body is read
     * as the charset its Content-Type names, else as UTF-8 or, failing that, GBK/GB18030 (Excel's "CSV" in China).
     * {@code dryRun=true} answers what the import would change and keeps nothing (the page's 预览).
     */
    @POST
    @Path("/survey")
    @OfficeOnly
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public NodeSurvey.Result importSurvey(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                          @QueryParam("dryRun") String dryRun) {
        String csv = RequestBodies.text(body, type);
        if (csv.isBlank()) {
            throw new ValidationException(List.of(FieldError.of(Messages.get("error.field.body"),
                    Messages.get("error.coverage.emptyCsv"))));
        }
        NodeSurvey.Result result = survey.importCsv(csv, Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)));
        ValidationException.throwIfAny(NodeSurvey.inChinese(result.errors()));
        return result;
    }

    private static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip(), QueryParams.MONTH);
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(FieldError.of(name, Messages.get("error.coverage.month"))));
        }
    }
}
