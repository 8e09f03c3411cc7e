package org.egovmonitor.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final UserService users;

    public UsersResource(UserService users) {
        this.users = users;
    }

    @GET
    @OfficeOnly
    public List<User> list() {
        return users.list();
    }

    @POST
    @OfficeOnly
    public Response create(UserRequest request) {
        User user = users.create(require(request));
        return Response.created(UriBuilder.fromResource(UserResource.class).build(user.username())).entity(user)
                .build();
    }

    static UserRequest require(UserRequest request) {
        if (request == null) {
            throw new ValidationException(List.of(FieldError.of(Messages.get("error.field.body"),
                    Messages.get("error.field.required"))));
        }
        return request;
    }
}
