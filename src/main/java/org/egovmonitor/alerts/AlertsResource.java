package org.egovmonitor.alerts;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.web.CsvExport;
import org.egovmonitor.web.QueryParams;

/** The office's alert log, per-unit opt-outs and the test message. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertsResource {

    static final int DEFAULT_ROWS = 200;
    static final int MAX_ROWS = 5000;

    private final Alerts alerts;

    public AlertsResource(Alerts alerts) {
        this.alerts = alerts;
    }

    /** The delivery log, newest first; {@code unit} and {@code status} narrow it. */
    @GET
    @Path("/deliveries")
    @OfficeOnly
    public List<Delivery> deliveries(@QueryParam("unit") String unit, @QueryParam("status") String status,
                                     @QueryParam("limit") String limit) {
        return alerts.deliveries(blankToNull(unit), QueryParams.enumValue(DeliveryStatus.class, "status", status),
                QueryParams.integer("limit", limit, DEFAULT_ROWS, 1, MAX_ROWS));
    }

    @GET
    @Path("/deliveries.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @OfficeOnly
    public Response deliveriesCsv(@QueryParam("unit") String unit, @QueryParam("status") String status,
                                  @QueryParam("limit") String limit) {
        List<List<Object>> rows = new ArrayList<>();
        for (Delivery d : deliveries(unit, status, limit == null ? Integer.toString(MAX_ROWS) : limit)) {
            rows.add(Arrays.asList(d.id(), alerts.localTime(d.createdAt()), d.unitCode(), d.unitName(),
                    d.kind().label(), d.channel().label(), d.recipient(), d.mode().label(), d.subject(),
                    d.status().label(), d.attempts(), d.lastError(), alerts.localTime(d.sentAt())));
        }
        return CsvExport.attachment("alert-deliveries.csv", Messages.list("csv.alertDeliveries"), rows);
    }

    @GET
    @Path("/opt-outs")
    @OfficeOnly
    public List<OptOut> optOuts() {
        return alerts.optOuts();
    }

    /** Switches a unit's alerts off (idempotent). */
    @PUT
    @Path("/opt-outs/{code}")
    @OfficeOnly
    public List<OptOut> optOut(@PathParam("code") String code, @Context SecurityContext security) {
        alerts.optOut(code, security.getUserPrincipal().getName());
        return alerts.optOuts();
    }

    /** Switches a unit's alerts back on (idempotent). */
    @DELETE
    @Path("/opt-outs/{code}")
    @OfficeOnly
    public List<OptOut> optIn(@PathParam("code") String code) {
        alerts.optIn(code);
        return alerts.optOuts();
    }

    /** Sends a test message to every office recipient at once; answers the deliveries with their outcome. */
    @POST
    @Path("/test")
    @OfficeOnly
    public List<Delivery> test(@Context SecurityContext security) {
        return alerts.sendTest(security.getUserPrincipal().getName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
