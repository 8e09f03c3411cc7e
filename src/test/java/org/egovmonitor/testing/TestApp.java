package org.egovmonitor.testing;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;

/**
 * The real application on its own fresh database of the shared test PostgreSQL, on free ports. It starts with one
 * office account ({@link #OFFICE_USER}); API tests authenticate with {@link #OFFICE_BASIC} (HTTP Basic, which needs
 * no CSRF token). bcrypt runs at its lowest cost to keep the suite fast.
 */
public final class TestApp {

    public static final String OFFICE_USER = "test-office";
    public static final String OFFICE_PASSWORD = "test-office-secret";
    /** The Authorization header value of the office account. */
    public static final String OFFICE_BASIC = basic(OFFICE_USER, OFFICE_PASSWORD);

    private TestApp() {
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A single app on its own database, without background jobs (a demo crawl would add data under the test). */
    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(boolean demo, ConfigOverride... extra) {
        return extension(EgovMonitorApplication.class, demo, extra);
    }

    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(
            Class<? extends Application<EgovMonitorConfiguration>> app, boolean demo, ConfigOverride... extra) {
        // Never give the same key twice: Dropwizard restores each override's previous value on reset, so a
        // duplicate would leak the first value into the JVM's system properties for the apps that follow.
        List<ConfigOverride> withoutJobs = new ArrayList<>(List.of(ConfigOverride.config("scheduler.enabled", "false")));
        withoutJobs.addAll(List.of(extra));
        return extension(app, TestPostgres.newDatabase(), demo, withoutJobs.toArray(new ConfigOverride[0]));
    }

    /**
     * An app on a given database, scheduler on (config.yml's default): several of them on one database make a
     * cluster (scheduling tests).
     */
    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(TestPostgres.TestDatabase db,
                                                                             boolean demo, ConfigOverride... extra) {
        return extension(EgovMonitorApplication.class, db, demo, extra);
    }

    /** An app on its own database that crawls loopback sites at once with two workers (the scheduler on). */
    public static DropwizardAppExtension<EgovMonitorConfiguration> crawlingLoopback(TestPostgres.TestDatabase db) {
        return extension(db, false,
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("scheduler.crawlSettings", "src/test/resources/crawl-loopback.yml"),
                ConfigOverride.config("scheduler.pollInterval", "200ms"),
                ConfigOverride.config("scheduler.crawlWorkersPerNode", "2"));
    }

    private static DropwizardAppExtension<EgovMonitorConfiguration> extension(
            Class<? extends Application<EgovMonitorConfiguration>> app, TestPostgres.TestDatabase db, boolean demo,
            ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", db.url()),
                ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("demo", Boolean.toString(demo)),
                ConfigOverride.config("auth.adminUsername", OFFICE_USER),
                ConfigOverride.config("auth.adminPassword", OFFICE_PASSWORD),
                ConfigOverride.config("auth.passwordHashCost", "4")));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(app, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                overrides.toArray(new ConfigOverride[0]));
    }
}
