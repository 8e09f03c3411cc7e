package org.egovmonitor.dashboards;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.egovmonitor.auth.AccessDeniedException;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.AuthenticationFilter;
import org.egovmonitor.auth.Caller;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.auth.PublicEndpoint;
import org.egovmonitor.auth.Role;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.platform.Messages;

/**
 * Serves the pages under dashboards/ (bundled into the jar at /dashboards). A resource rather than an AssetsBundle so
 * that pages go through the same policy filters as the API: the login page and the static assets are public, every
 * other page needs a login (an anonymous visitor is redirected to the login page), and each role's dashboard is
 * open only to the roles that may use it (403 as an HTML page, see ApiExceptionMappers). The data on a page comes
 * from the API, which applies the role rules again; the paths accepted here are one file name deep in a fixed
 * alphabet, so no "../" can reach outside the folder.
 */
@Path("/")
public class DashboardResource {

    static final String ROOT = "/dashboards/";
    private static final Map<String, String> TYPES = Map.of(
            "html", MediaType.TEXT_HTML + ";charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    private static final Map<Role, String> HOME = Map.of(
            Role.OFFICE, "/office.html",
            Role.LEADER, "/leader.html",
            Role.DEPARTMENT, "/department.html");

    /**
     * Each role has its own dashboard: the home page sends the browser there (its script reads the role from
     * /api/me; the page also links to it for a browser without JavaScript).
     */
    @GET
    @AnyRole
    public Response home() {
        return file("index.html");
    }

    @GET
    @Path("login.html")
    @PublicEndpoint
    public Response login() {
        return file("login.html");
    }

    @GET
    @Path("office.html")
    @OfficeOnly
    public Response office() {
        return file("office.html");
    }

    @GET
    @Path("leader.html")
    @LeaderOrOffice
    public Response leader() {
        return file("leader.html");
    }

    /**
     * A department sees its own unit only; the office may open any unit's page with {@code ?unit=}. Leaders have
     * the city-wide view instead and are sent there.
     */
    @GET
    @Path("department.html")
    @AnyRole
    public Response department(@QueryParam("unit") String unit, @Context ContainerRequestContext request) {
        Caller caller = AuthenticationFilter.caller(request);
        if (caller.role() == Role.LEADER) {
            return Response.seeOther(URI.create(HOME.get(Role.LEADER))).build();
        }
        if (caller.role() == Role.DEPARTMENT && unit != null && !unit.equals(caller.unitCode())) {
            throw new AccessDeniedException(Messages.get("error.access.ownUnitOnly"));
        }
        if (caller.role() == Role.OFFICE && (unit == null || unit.isBlank())) {
            return Response.seeOther(URI.create(HOME.get(Role.OFFICE))).build();
        }
        return file("department.html");
    }

    @GET
    @Path("{page: [a-z0-9][a-z0-9-]*\\.html}")
    @AnyRole
    public Response page(@PathParam("page") String page) {
        return file(page);
    }

    @GET
    @Path("{asset: ([a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9.-]*\\.(css|js|svg|png|ico)}")
    @PublicEndpoint
    public Response asset(@PathParam("asset") String asset) {
        if (asset.contains("..")) {
            throw new NotFoundException(Messages.get("error.access.pageNotFound", asset));
        }
        return file(asset);
    }

    private static Response file(String name) {
        InputStream in = DashboardResource.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new NotFoundException(Messages.get("error.access.pageNotFound", name));
        }
        try (in) {
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return Response.ok(in.readAllBytes(), TYPES.get(ext)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
