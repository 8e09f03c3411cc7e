package org.egovmonitor.web;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/** Wires the guards at the HTTP edge: body caps, parameter checks, and the container's own error responses. */
public final class HttpEdge {

    private HttpEdge() {
    }

    /** Call before any other servlet filter is added, so that no filter reads an uncapped body. */
    public static void register(RequestLimits limits, Environment env) {
        env.servlets().addFilter("body-size-limit", new BodySizeLimitFilter(limits))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.jersey().register(new ParameterCheckFilter());
        ContainerErrorHandler errors = new ContainerErrorHandler(env.getObjectMapper());
        env.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(errors);
                }
            }
        });
    }
}
