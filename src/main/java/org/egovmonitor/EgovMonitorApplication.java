package org.egovmonitor;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.JarLocation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.egovmonitor.alerts.AlertKind;
import org.egovmonitor.alerts.Alerts;
import org.egovmonitor.alerts.AlertsResource;
import org.egovmonitor.auth.AuthSetup;
import org.egovmonitor.bulletins.BulletinService;
import org.egovmonitor.bulletins.BulletinsResource;
import org.egovmonitor.bulletins.UnitNoticeResource;
import org.egovmonitor.cli.ChineseCliOutput;
import org.egovmonitor.cli.CrawlNowCommand;
import org.egovmonitor.cli.CreateUserCommand;
import org.egovmonitor.cli.DbCommand;
import org.egovmonitor.cli.DemoCommand;
import org.egovmonitor.cli.ExportRegistryCommand;
import org.egovmonitor.cli.ImportNodeSurveyCommand;
import org.egovmonitor.cli.ImportRegistryCommand;
import org.egovmonitor.cli.MeasureCommand;
import org.egovmonitor.cli.RetentionCommand;
import org.egovmonitor.cli.UnlockUserCommand;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.ContributionsResource;
import org.egovmonitor.collection.CoverageResource;
import org.egovmonitor.collection.CoverageService;
import org.egovmonitor.collection.LanStatusResource;
import org.egovmonitor.collection.NodeSurvey;
import org.egovmonitor.collection.SelfReportService;
import org.egovmonitor.collection.SelfReportsResource;
import org.egovmonitor.collection.UnitSelfReportsResource;
import org.egovmonitor.config.BundledConfigurationSourceProvider;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.OwnPorts;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.dashboards.DashboardResource;
import org.egovmonitor.dashboards.LabelsResource;
import org.egovmonitor.db.DataFolderOwner;
import org.egovmonitor.db.DatabaseSupport;
import org.egovmonitor.db.EmbeddedPostgresServer;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.db.SchemaMigrator;
import org.egovmonitor.demo.DemoCollection;
import org.egovmonitor.demo.DemoFarm;
import org.egovmonitor.demo.DemoRegistry;
import org.egovmonitor.demo.DemoStartup;
import org.egovmonitor.errors.ApiExceptionMappers;
import org.egovmonitor.jobs.AvailabilityResource;
import org.egovmonitor.jobs.BulletinJob;
import org.egovmonitor.jobs.CrawlMachinery;
import org.egovmonitor.jobs.JobsResource;
import org.egovmonitor.jobs.RetentionJob;
import org.egovmonitor.jobs.RoundFollowUp;
import org.egovmonitor.jobs.SchedulerHealthCheck;
import org.egovmonitor.jobs.Scheduling;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.observations.SiteMeasurementsResource;
import org.egovmonitor.observations.SnapshotsResource;
import org.egovmonitor.observations.UnitMeasurementsResource;
import org.egovmonitor.rectification.OverdueTaskAlerts;
import org.egovmonitor.rectification.RecheckFollowUp;
import org.egovmonitor.rectification.FindingDismissalResource;
import org.egovmonitor.rectification.FindingDismissalService;
import org.egovmonitor.rectification.RectificationResource;
import org.egovmonitor.rectification.RectificationService;
import org.egovmonitor.rectification.ReportTasks;
import org.egovmonitor.rectification.UnitRectificationResource;
import org.egovmonitor.registry.LiaisonRequestsResource;
import org.egovmonitor.registry.NodesResource;
import org.egovmonitor.registry.RegistryExporter;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryFileResource;
import org.egovmonitor.registry.RegistryImporter;
import org.egovmonitor.registry.RegistryService;
import org.egovmonitor.registry.SiteResource;
import org.egovmonitor.registry.SitesResource;
import org.egovmonitor.registry.UnitResource;
import org.egovmonitor.registry.UnitsResource;
import org.egovmonitor.retention.RetentionService;
import org.egovmonitor.reviews.ReviewOutcomeListener;
import org.egovmonitor.scoring.BottleneckMatrixResource;
import org.egovmonitor.scoring.BottleneckMatrixService;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.IndicatorDistributionResource;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.ScoringResource;
import org.egovmonitor.scoring.StoredEvidenceSource;
import org.egovmonitor.scoring.StoredObservationFacts;
import org.egovmonitor.scoring.UnitScoreResource;
import org.egovmonitor.web.HttpEdge;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;

public class EgovMonitorApplication extends Application<EgovMonitorConfiguration> {

    /** This server's listening ports, which no fetcher of it ever connects to on this machine. */
    private volatile OwnPorts ownPorts = OwnPorts.none();
    /** The demo's site farm, when this server runs one. */
    private volatile DemoFarm demoFarm;

    public static void main(String[] args) throws Exception {
        new EgovMonitorApplication().run(args);
    }

    /**
     * As {@link Application#run(String...)}, but what the command line prints (help, usage errors) goes through
     * {@link ChineseCliOutput}: Dropwizard and argparse4j write their fixed words in English.
     */
    @Override
    public void run(String... arguments) throws Exception {
        Bootstrap<EgovMonitorConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        bootstrap.registerMetrics();
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, new ChineseCliOutput(System.out),
                new ChineseCliOutput(System.err));
        cli.run(arguments).ifPresent(this::onFatalError);
    }

    @Override
    public String getName() {
        return "egov-monitor";
    }

    @Override
    public void initialize(Bootstrap<EgovMonitorConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new BundledConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        StrictJsonModule.configure(bootstrap.getObjectMapper());
        // Chart.js for the dashboards, from its WebJar; a servlet outside Jersey, so public like the pages' own css/js.
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars", "/webjars", null, "webjars"));
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new ImportRegistryCommand());
        bootstrap.addCommand(new ExportRegistryCommand());
        bootstrap.addCommand(new CrawlNowCommand());
        bootstrap.addCommand(new ImportNodeSurveyCommand());
        bootstrap.addCommand(new CreateUserCommand());
        bootstrap.addCommand(new UnlockUserCommand());
        bootstrap.addCommand(new RetentionCommand());
        // measure: one-off site measurements on the command line (no database).
        bootstrap.addCommand(new MeasureCommand());
    }

    /** The clock of everything time-dependent (tests run the app on a clock they move instead of sleeping). */
    protected Clock clock(EgovMonitorConfiguration config) {
        return Clock.system(config.zoneId());
    }

    @Override
    public void run(EgovMonitorConfiguration config, Environment env) throws Exception {
        // Registered first so that it stops last: scheduler, then pool, then the embedded server.
        EmbeddedPostgresServer embedded = DatabaseSupport.startIfEmbedded(config.usesEmbeddedDatabase(),
                config.getEmbeddedDatabase(),
                config.getDatabase(), DataFolderOwner.Role.SERVER);
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
        Clock clock = clock(config);

        RegistryService registry = new RegistryService(jdbi, clock);
        if (config.isDemo()) {
            DemoRegistry.load(jdbi, env.getObjectMapper(), clock);
            DemoCollection.load(jdbi, clock);
        }
        // demo: the registry's sites served by a local farm, reached through host overrides (settings in memory)
        DemoFarm demoFarm = config.isDemo() && config.isDemoFarm()
                ? DemoFarm.start(env.getObjectMapper(), LocalDate.now(clock)) : null;
        if (demoFarm != null) {
            env.lifecycle().manage(demoFarm);
        }
        this.demoFarm = demoFarm;
        // Every fetcher of this server: the demo farm reachable (demo only), the server's own ports never.
        OwnPorts guarded = guardOwnPorts(config, env);
        UnaryOperator<FetchSettings> reach = s -> (demoFarm == null ? s : demoFarm.reach(s)).withOwnPorts(guarded);

        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        ApiExceptionMappers.register(env.jersey());
        HttpEdge.register(config.getRequestLimits(), env);
        AuthSetup.register(config.getAuth(), config.isDemo(), env, jdbi, clock);
        env.jersey().register(new DashboardResource());
        env.jersey().register(new LabelsResource(crawlerFiles.sections()));
        env.jersey().register(new UnitsResource(registry));
        env.jersey().register(new UnitResource(registry));
        env.jersey().register(new SitesResource(registry));
        env.jersey().register(new SiteResource(registry));
        env.jersey().register(new NodesResource(registry));
        env.jersey().register(new RegistryFileResource(new RegistryFileReader(env.getObjectMapper()),
                new RegistryImporter(jdbi, clock), new RegistryExporter(jdbi, env.getObjectMapper()), clock));

        // measure: the observation store and its read API.
        ObservationStore observations = new ObservationStore(jdbi);
        env.jersey().register(new SiteMeasurementsResource(registry, observations));
        env.jersey().register(new UnitMeasurementsResource(registry, observations));
        env.jersey().register(new SnapshotsResource(observations.evidence()));
        org.slf4j.LoggerFactory.getLogger(EgovMonitorApplication.class).info("crawler files: {}",
                crawlerFiles.source());

        // One crawl machinery per node: settings sized with the crawl workers, one politeness per host shared by the
        // crawl, the availability probe and the portal collection, and the measurement stage over the store.
        CrawlMachinery crawl = CrawlMachinery.build(crawlerFiles, config.getScheduler(), dataSource, reach,
                observations);
        crawl.manage(env.lifecycle());

        // Portal contributions (信息报送): collected after each crawl round and on demand; read by scoring.
        ContributionService contributions = contributionService(config, jdbi, clock, reach,
                crawlerFiles.crawl().fetch(), crawl);

        // Scoring over the registry, probes and the stored observations.
        CrawlerFiles.Text indicatorFile = CrawlerFiles.text(config.crawlersPath(), "indicators.yml");
        IndicatorCatalogue indicators = IndicatorCatalogue.parse(indicatorFile.yaml(), indicatorFile.source(),
                crawlerFiles.sections());
        ScoreSnapshotService scoring = new ScoreSnapshotService(jdbi, new StoredEvidenceSource(jdbi,
                config.zoneId(), indicators.probeWindowDays(),
                new StoredObservationFacts(jdbi, observations, contributions, config.zoneId())), indicators,
                env.getObjectMapper(), clock);
        env.jersey().register(new ScoringResource(scoring));
        env.jersey().register(new UnitScoreResource(scoring));
        BottleneckMatrixService breakdowns = new BottleneckMatrixService(jdbi, indicators);
        env.jersey().register(new BottleneckMatrixResource(breakdowns));
        env.jersey().register(new IndicatorDistributionResource(breakdowns));

        // 通报 reports and 整改通知书 from the stored snapshots, listing the 整改 tasks open at their day.
        ReportTasks tasks = new ReportTasks(jdbi, config.zoneId());
        BulletinService bulletins = new BulletinService(jdbi, scoring, new CoverageService(jdbi, clock), tasks, tasks,
                clock);
        env.jersey().register(new BulletinsResource(bulletins));
        env.jersey().register(new UnitNoticeResource(bulletins));

        // ---- scheduling: registered after the data source, so it stops first ----
        // Retention: old raw measurement rows rolled up into daily facts, daily at a quiet hour.
        RetentionService retention = new RetentionService(jdbi, config.getRetention(), clock);
        // Alerts: new vetoes and warnings after each snapshot, homepages going down after each probe run.
        Alerts alerts = new Alerts(jdbi, config.getAlerts(), scoring, env.getObjectMapper(), clock, config.zoneId());
        env.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                alerts.close();
            }
        });
        env.jersey().register(new AlertsResource(alerts));
        // A re-check round (one unit's sites) settles its 整改 tasks; every other round is followed by the day's snapshot.
        Scheduling scheduling = crawl.scheduling(config.zoneId(), clock, jdbi, dataSource,
                new RecheckFollowUp(jdbi, scoring, clock, new RoundFollowUp(contributions, scoring, alerts, clock)),
                RetentionJob.Task.of(retention), BulletinJob.Task.of(bulletins, clock), alerts);
        if (config.isDemo()) {
            scheduling.crawlAtStart();
        }
        if (demoFarm != null) {
            new DemoStartup(scheduling, contributions, clock, demoFarm, System.err).register(env);
        }
        env.jersey().register(new JobsResource(scheduling.jobs()));
        env.jersey().register(new AvailabilityResource(scheduling.availability()));
        RectificationService rectification = new RectificationService(jdbi, scoring, scheduling.jobs(), clock);
        alerts.watch(AlertKind.OVERDUE_TASK, new OverdueTaskAlerts(rectification, clock, config.zoneId()));
        env.jersey().register(new RectificationResource(rectification, config.zoneId()));
        env.jersey().register(new UnitRectificationResource(rectification, config.zoneId()));
        env.jersey().register(new FindingDismissalResource(new FindingDismissalService(jdbi, scoring, clock)));
        if (config.getScheduler().isEnabled()) {
            env.healthChecks().register("scheduler", new SchedulerHealthCheck(scheduling.scheduler().scheduler(),
                    jdbi, config.getScheduler(), clock));
        }
        // Approving a self-report or a liaison change re-scores the unit at once (today's snapshot).
        ReviewOutcomeListener rescore = scoring::rescoreUnit;
        registry.onApproval(rescore);
        wireCollection(env, jdbi, clock, registry, contributions, rescore);
    }

    /**
     * The application and admin ports as configured, at once, and as bound when the server starts (a port of 0 is
     * only known then; until then a fetch could still reach it, which only tests configure).
     */
    private OwnPorts guardOwnPorts(EgovMonitorConfiguration config, Environment env) {
        OwnPorts ports = config.configuredPorts();
        ownPorts = ports;
        env.lifecycle().addServerLifecycleListener(server -> {
            for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector connector) {
                    ports.add(connector.getLocalPort());
                }
            }
        });
        return ports;
    }

    /** The ports the fetch guard refuses on this machine: this server's own (for tests and diagnostics). */
    public OwnPorts ownPorts() {
        return ownPorts;
    }

    /** The demo's site farm when this server runs one (tests change a farm site and watch the server follow). */
    public Optional<DemoFarm> demoFarm() {
        return Optional.ofNullable(demoFarm);
    }

    private static ContributionService contributionService(EgovMonitorConfiguration config, Jdbi jdbi, Clock clock,
                                                           UnaryOperator<FetchSettings> reach,
                                                           FetchSettings crawlerFolder, CrawlMachinery crawl) {
        // Its own file only when one is named and present; otherwise the crawler folder's crawl.yml, as for crawling.
        String named = config.getContributions().getFetchSettingsFile();
        java.nio.file.Path fetchFile = named == null || named.isBlank() ? null : java.nio.file.Path.of(named);
        FetchSettings fetchSettings = fetchFile != null && java.nio.file.Files.isRegularFile(fetchFile)
                ? CrawlSettings.load(fetchFile).fetch() : crawlerFolder;
        return new ContributionService(jdbi, crawl.fetcher(reach.apply(fetchSettings)), config.getContributions(),
                clock);
    }

    /** Issue 5: coverage, node survey, self-reports, liaison requests, information contribution. */
    private static void wireCollection(Environment env, Jdbi jdbi, Clock clock, RegistryService registry,
                                       ContributionService contributions, ReviewOutcomeListener approvals) {
        SelfReportService selfReports = new SelfReportService(jdbi, clock);
        selfReports.onApproval(approvals);
        env.jersey().register(new CoverageResource(new CoverageService(jdbi, clock),
                new NodeSurvey(jdbi, new RegistryFileReader(env.getObjectMapper()), clock)));
        env.jersey().register(new UnitSelfReportsResource(selfReports));
        env.jersey().register(new SelfReportsResource(selfReports));
        env.jersey().register(new LanStatusResource(selfReports));
        env.jersey().register(new LiaisonRequestsResource(registry));
        env.jersey().register(new ContributionsResource(contributions, clock));
    }
}
