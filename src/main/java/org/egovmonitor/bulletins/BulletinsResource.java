package org.egovmonitor.bulletins;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.web.RequestBodies;

/** The office's 通报 reports: list, generate for a period, download (Word or PDF), regenerate. */
@Path("/api/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@OfficeOnly
public class BulletinsResource {

    private final BulletinService bulletins;

    public BulletinsResource(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @GET
    public List<BulletinInfo> list() {
        return bulletins.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public BulletinInfo generate(GenerateRequest request, @Context SecurityContext security) {
        return bulletins.generate(RequestBodies.require(request), security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{id: [0-9]+}/regenerate")
    public BulletinInfo regenerate(@PathParam("id") long id, @Context SecurityContext security) {
        return bulletins.regenerate(id, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/{id: [0-9]+}/{format: docx|pdf}")
    @Produces({ReportFormat.DOCX_TYPE, ReportFormat.PDF_TYPE})
    public Response download(@PathParam("id") long id, @PathParam("format") String format) {
        return Attachments.of(bulletins.file(id, ReportFormat.valueOf(format.toUpperCase(Locale.ROOT))));
    }
}
