package org.egovmonitor.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jdbi.v3.core.Jdbi;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Jdbi jdbi;
    private final boolean demo;
    private final UserService users;

    public MeResource(Jdbi jdbi, boolean demo, UserService users) {
        this.jdbi = jdbi;
        this.demo = demo;
        this.users = users;
    }

    @GET
    @AnyRole
    public Me me(@Context ContainerRequestContext request) {
        Caller c = AuthenticationFilter.caller(request);
        String unitName = c.unitCode() == null ? null
                : jdbi.withExtension(UserDao.class, dao -> dao.unitName(c.unitCode())).orElse(null);
        return new Me(c.username(), c.displayName(), c.role(), c.unitCode(), unitName, c.method(), c.csrfToken(), demo);
    }

    /** 204; the caller signs in again with the new password (every session of theirs ends). */
    @PUT
    @Path("/password")
    @AnyRole
    @Consumes(MediaType.APPLICATION_JSON)
    public void changePassword(PasswordChange change, @Context ContainerRequestContext request) {
        users.changeOwnPassword(AuthenticationFilter.caller(request), change);
    }
}
