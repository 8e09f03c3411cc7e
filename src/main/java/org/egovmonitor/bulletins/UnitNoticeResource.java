package org.egovmonitor.bulletins;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.egovmonitor.auth.OwnUnit;

/** A unit's 整改通知书, for the office and for the unit's own department (same path as UnitResource). */
@Path("/api/units/{code}")
public class UnitNoticeResource {

    private final BulletinService bulletins;

    public UnitNoticeResource(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @GET
    @Path("/notice.{format: docx|pdf}")
    @Produces({ReportFormat.DOCX_TYPE, ReportFormat.PDF_TYPE})
    @OwnUnit("code")
    public Response notice(@PathParam("code") String code, @PathParam("format") String format) {
        return Attachments.of(bulletins.notice(code, ReportFormat.valueOf(format.toUpperCase(Locale.ROOT))));
    }
}
