package org.egovmonitor.auth;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.egovmonitor.web.SecurityHeadersFilter;
import org.jdbi.v3.core.Jdbi;

/** Wires the security layer into the app: filters, policy enforcement, auth resources, and the first accounts. */
public final class AuthSetup {

    private AuthSetup() {
    }

    public static void register(AuthConfiguration auth, boolean demo, Environment env, Jdbi jdbi, Clock clock) {
        PasswordHasher hasher = new PasswordHasher(auth.getPasswordHashCost(),
                env.metrics().counter(PasswordHasher.VERIFICATIONS_METRIC));
        UserService users = new UserService(jdbi, hasher);
        AuthService authService = new AuthService(jdbi, hasher, auth, clock);
        ClientAddress clientAddress = new ClientAddress(auth.getTrustedProxies());

        AccountBootstrap.initialAdmin(users, auth);
        if (demo) {
            AccountBootstrap.print(AccountBootstrap.demoAccounts(jdbi, users), System.err);
        }

        env.servlets().addFilter("security-headers", new SecurityHeadersFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        env.jersey().register(new AuthenticationFilter(authService, clientAddress));
        env.jersey().register(new AuthorizationFeature());
        env.jersey().register(new AuditFilter(jdbi));

        env.jersey().register(new AuthResource(authService, clientAddress, auth.getAllowedOrigins()));
        env.jersey().register(new MeResource(jdbi, demo, users));
        env.jersey().register(new UsersResource(users));
        env.jersey().register(new UserResource(users));
        env.jersey().register(new AuditResource(jdbi, clock));
    }
}
