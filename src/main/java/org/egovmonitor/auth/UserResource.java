package org.egovmonitor.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("/api/users/{username}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @OfficeOnly
    public User get(@PathParam("username") String username) {
        return users.get(username);
    }

    @PUT
    @OfficeOnly
    public User update(@PathParam("username") String username, UserRequest request,
                       @Context ContainerRequestContext context) {
        return users.update(username, UsersResource.require(request), AuthenticationFilter.caller(context));
    }

    /** Lifts the login delays of the user (audited like every write). */
    @POST
    @Path("/unlock")
    @OfficeOnly
    public Unlocked unlock(@PathParam("username") String username) {
        return new Unlocked(username, users.unlock(username));
    }

    @DELETE
    @OfficeOnly
    public void delete(@PathParam("username") String username, @Context ContainerRequestContext context) {
        users.delete(username, AuthenticationFilter.caller(context));
    }
}
