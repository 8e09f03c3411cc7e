package org.egovmonitor.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a {@link PolicyFilter} to every resource method, including those without a policy annotation (which are
 * then denied, and logged at start so the omission is seen before a user hits it).
 */
public class AuthorizationFeature implements DynamicFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFeature.class);

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        if (info.getResourceMethod() == null || info.getResourceClass() == null) {
            return;
        }
        Policy policy = Policy.of(info.getResourceClass(), info.getResourceMethod());
        if (policy.kind() == Policy.Kind.UNANNOTATED && info.getResourceClass().getName().startsWith("org.egovmonitor")) {
            LOG.warn("{}.{} has no policy annotation: every request to it is denied (403)",
                    info.getResourceClass().getSimpleName(), info.getResourceMethod().getName());
        }
        context.register(new PolicyFilter(policy), Priorities.AUTHORIZATION);
    }
}
