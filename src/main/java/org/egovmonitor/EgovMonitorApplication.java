package org.egovmonitor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import org.egovmonitor.cli.BundledConfigurationSourceProvider;
import org.egovmonitor.cli.DbCommand;
import org.egovmonitor.cli.DemoCommand;
import org.egovmonitor.cli.ExportRegistryCommand;
import org.egovmonitor.cli.ImportRegistryCommand;
import org.egovmonitor.cli.MeasureCommand;
import org.egovmonitor.core.observations.SqlObservationStore;
import org.egovmonitor.core.registry.RegistryService;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.db.DatabaseSupport;
import org.egovmonitor.db.EmbeddedPostgresServer;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.db.SchemaMigrator;
import org.egovmonitor.demo.DemoRegistry;
import org.egovmonitor.errors.ApiExceptionMappers;
import org.egovmonitor.resources.NodesResource;
import org.egovmonitor.resources.SiteMeasurementsResource;
import org.egovmonitor.resources.SiteResource;
import org.egovmonitor.resources.SitesResource;
import org.egovmonitor.resources.UnitResource;
import org.egovmonitor.resources.UnitsResource;
import org.jdbi.v3.core.Jdbi;

public class EgovMonitorApplication extends Application<EgovMonitorConfiguration> {

    public static void main(String[] args) throws Exception {
        new EgovMonitorApplication().run(args);
    }

    @Override
    public String getName() {
        return "egov-monitor";
    }

    @Override
    public void initialize(Bootstrap<EgovMonitorConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new BundledConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        configureJson(bootstrap.getObjectMapper());
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new ImportRegistryCommand());
        bootstrap.addCommand(new ExportRegistryCommand());
        // measure: one-off site measurements on the command line (no database).
        bootstrap.addCommand(new MeasureCommand());
    }

    /** ISO dates on the wire, and unknown request fields are errors rather than silently dropped. */
    public static ObjectMapper configureJson(ObjectMapper mapper) {
        return mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void run(EgovMonitorConfiguration config, Environment env) throws Exception {
        // Registered first so that it stops last: scheduler, then pool, then the embedded server.
        EmbeddedPostgresServer embedded = DatabaseSupport.startIfEmbedded(config);
        if (embedded == null) {
            wire(config, env);
            return;
        }
        embedded.bindTo(env.lifecycle());
        try {
            wire(config, env);
        } catch (Exception | Error e) {
            embedded.closeQuietly();
            throw e;
        }
    }

    private void wire(EgovMonitorConfiguration config, Environment env) throws Exception {
        // measure: the crawler files are validated at start; a bad file stops the app with a clear message.
        CrawlerFiles crawlerFiles = CrawlerFiles.load(config.crawlersPath());
        // JdbiFactory manages (starts and stops) the pool; Flyway and, later, Quartz borrow it.
        ManagedDataSource dataSource = config.getDatabase().build(env.metrics(), "database");
        if (config.isMigrateOnStart()) {
            SchemaMigrator.migrate(dataSource);
        }
        Jdbi jdbi = JdbiSetup.configure(new JdbiFactory().build(env, config.getDatabase(), dataSource, "database"));
        Clock clock = Clock.system(config.zoneId());

        RegistryService registry = new RegistryService(jdbi, clock);
        if (config.isDemo()) {
            DemoRegistry.load(jdbi, env.getObjectMapper(), clock);
        }

        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        ApiExceptionMappers.register(env.jersey());
        env.jersey().register(new UnitsResource(registry));
        env.jersey().register(new UnitResource(registry));
        env.jersey().register(new SitesResource(registry));
        env.jersey().register(new SiteResource(registry));
        env.jersey().register(new NodesResource(registry));

        // measure: the observation store and its read API.
        SqlObservationStore observations = new SqlObservationStore(jdbi);
        env.jersey().register(new SiteMeasurementsResource(registry, observations));
        org.slf4j.LoggerFactory.getLogger(EgovMonitorApplication.class).info("crawler files: {}",
                crawlerFiles.source());
    }
}
