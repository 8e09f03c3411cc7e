package org.egovmonitor.testing;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.EgovMonitorConfiguration;

/** The real application on its own fresh database of the shared test PostgreSQL, on free ports. */
public final class TestApp {

    private TestApp() {
    }

    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(boolean demo, ConfigOverride... extra) {
        return extension(TestPostgres.newDatabase(), demo, extra);
    }

    /** An app on a given database: several of them on one database make a cluster (scheduling tests). */
    public static DropwizardAppExtension<EgovMonitorConfiguration> extension(TestPostgres.TestDatabase db,
                                                                             boolean demo, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", db.url()),
                ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("demo", Boolean.toString(demo))));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(EgovMonitorApplication.class, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                overrides.toArray(new ConfigOverride[0]));
    }
}
