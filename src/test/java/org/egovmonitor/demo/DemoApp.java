package org.egovmonitor.demo;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;

/**
 * The demo as a newcomer runs it, on its own database and free ports: the demo registry and its farm, the scheduler on.
 * TestApp's overrides, but with the scheduler on. Not TestApp.extension plus a second scheduler.enabled: the test
 * support keeps overrides in a set, so which of two values for one key wins is not defined.
 */
public final class DemoApp {

    private DemoApp() {
    }

    /** config.yml read through {@code files}, with {@code extra} overrides (never a key set here). */
    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(ConfigurationSourceProvider files,
                                                                      ConfigOverride... extra) {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", db.url()),
                ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("demo", "true"),
                ConfigOverride.config("demoFarm", "true"),
                ConfigOverride.config("scheduler.enabled", "true"),
                // other test classes in this JVM leave dw.* properties behind: pin everything the demo relies on
                ConfigOverride.config("scheduler.crawlSettings", "crawlers/crawl.yml"),
                ConfigOverride.config("scheduler.crawlWorkersPerNode", "4"),
                ConfigOverride.config("scheduler.pollInterval", "1s"),
                ConfigOverride.config("scheduler.leaseSeconds", "300"),
                ConfigOverride.config("auth.adminUsername", TestApp.OFFICE_USER),
                ConfigOverride.config("auth.adminPassword", TestApp.OFFICE_PASSWORD),
                ConfigOverride.config("auth.passwordHashCost", "4")));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(EgovMonitorApplication.class, "config.yml",
                new SubstitutingSourceProvider(files, new EnvironmentVariableSubstitutor(false)),
                overrides.toArray(new ConfigOverride[0]));
    }
}
