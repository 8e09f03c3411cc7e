package org.egovmonitor.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.egovmonitor.errors.NotFoundException;

/**
 * Serves the pages under dashboards/ (bundled into the jar at /dashboards). A resource rather than an AssetsBundle so
 * that pages go through the same policy filters as the API: the login page and the static assets are public, every
 * other page needs a login (an anonymous visitor is redirected to the login page). The data on a page comes from the
 * API, which applies the role rules; the paths accepted here are one file name deep in a fixed alphabet, so no
 * "../" can reach outside the folder.
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
            throw new NotFoundException("未找到页面：" + asset);
        }
        return file(asset);
    }

    private static Response file(String name) {
        InputStream in = DashboardResource.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new NotFoundException("未找到页面：" + name);
        }
        try (in) {
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return Response.ok(in.readAllBytes(), TYPES.get(ext)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
