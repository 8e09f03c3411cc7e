package org.egovmonitor.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.egovmonitor.errors.NotAuthenticatedException;

/** Enforces one method's {@link Policy}; registered per resource method by {@link AuthorizationFeature}. */
final class PolicyFilter implements ContainerRequestFilter {

    private final Policy policy;

    PolicyFilter(Policy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = AuthenticationFilter.caller(request);
        String pathUnit = policy.unitParam() == null ? null
                : request.getUriInfo().getPathParameters().getFirst(policy.unitParam());
        switch (policy.decide(caller == null ? null : caller.role(), caller == null ? null : caller.unitCode(),
                request.getMethod(), pathUnit)) {
            case ALLOW -> { }
            case UNAUTHENTICATED -> throw new NotAuthenticatedException();
            case FORBIDDEN -> throw new AccessDeniedException(policy.kind() == Policy.Kind.UNANNOTATED
                    ? "该接口未声明访问策略，已拒绝" : "没有权限");
        }
    }
}
