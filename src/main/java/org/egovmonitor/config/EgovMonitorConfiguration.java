package org.egovmonitor.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.stream.Stream;
import org.egovmonitor.auth.AuthConfiguration;
import org.egovmonitor.crawler.fetch.OwnPorts;
import org.egovmonitor.db.EmbeddedDatabaseFactory;
import org.egovmonitor.jobs.SchedulerConfiguration;
import org.egovmonitor.web.RequestLimits;

/** The service's configuration (config.yml). Environment variables are substituted: ${NAME:-default}. */
public class EgovMonitorConfiguration extends Configuration {

    /** The url that asks for the embedded server described by embeddedDatabase. */
    public static final String EMBEDDED_URL = "embedded";

    /** The PostgreSQL connection. The url "embedded" means: start the embedded server described by embeddedDatabase. */
    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private EmbeddedDatabaseFactory embeddedDatabase = new EmbeddedDatabaseFactory();

    /** Apply pending schema migrations at start. Turn off when migrations are run separately (`db migrate`). */
    private boolean migrateOnStart = true;

    /** The city's time zone: "today" for dates and freshness is judged there. */
    @NotNull
    private String timeZone = "Asia/Shanghai";

    /** Set by the `demo` command: the UI labels everything as demo data. */
    private boolean demo;

    /**
     * Set by the `demo` command: serve the demo registry's sites from an in-process generated farm and point the
     * crawler at it (org.egovmonitor.demo.DemoFarm). Only read when demo is true.
     */
    private boolean demoFarm;

    @JsonProperty
    /**
     * The HTTP ports this configuration's server listens on (application and admin), as configured; 0 (a free port
     * chosen at start) is left out. The fetch guard never fetches them on this machine, from the server or a command.
     */
    public OwnPorts configuredPorts() {
        OwnPorts ports = OwnPorts.none();
        if (getServerFactory() instanceof DefaultServerFactory server) {
            Stream.concat(server.getApplicationConnectors().stream(), server.getAdminConnectors().stream())
                    .filter(c -> c instanceof HttpConnectorFactory)
                    .forEach(c -> ports.add(((HttpConnectorFactory) c).getPort()));
        }
        return ports;
    }

    public boolean isDemoFarm() {
        return demoFarm;
    }

    @JsonProperty
    public void setDemoFarm(boolean demoFarm) {
        this.demoFarm = demoFarm;
    }

    /** Quartz cluster, crawl workers and probes. */
    @Valid
    @NotNull
    private SchedulerConfiguration scheduler = new SchedulerConfiguration();

    @JsonProperty
    public SchedulerConfiguration getScheduler() {
        return scheduler;
    }

    @JsonProperty
    public void setScheduler(SchedulerConfiguration scheduler) {
        this.scheduler = scheduler;
    }

    // ---- information contribution

    /** How the city portal is read for 信息报送 and how article sources are matched to units. */
    @Valid
    @NotNull
    private org.egovmonitor.collection.ContributionSettings contributions =
            new org.egovmonitor.collection.ContributionSettings();

    @JsonProperty
    public org.egovmonitor.collection.ContributionSettings getContributions() {
        return contributions;
    }

    @JsonProperty
    public void setContributions(org.egovmonitor.collection.ContributionSettings contributions) {
        this.contributions = contributions;
    }

    // ---- alerts

    /** Who hears of new vetoes, warnings, sites going down and overdue tasks, and how (docs/alerts.md). */
    @NotNull
    private org.egovmonitor.alerts.AlertsConfiguration alerts = org.egovmonitor.alerts.AlertsConfiguration.disabled();

    @JsonProperty
    public org.egovmonitor.alerts.AlertsConfiguration getAlerts() {
        return alerts;
    }

    @JsonProperty
    public void setAlerts(org.egovmonitor.alerts.AlertsConfiguration alerts) {
        this.alerts = alerts == null ? org.egovmonitor.alerts.AlertsConfiguration.disabled() : alerts;
    }

    // ---- retention

    /** How long raw measurement rows are kept before they are rolled up (schedule: scheduler.retentionCron). */
    @Valid
    @NotNull
    private org.egovmonitor.retention.RetentionSettings retention =
            new org.egovmonitor.retention.RetentionSettings();

    @JsonProperty
    public org.egovmonitor.retention.RetentionSettings getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(org.egovmonitor.retention.RetentionSettings retention) {
        this.retention = retention;
    }

    // ----

    /** Request body caps (org.egovmonitor.web.BodySizeLimitFilter). */
    @Valid
    @NotNull
    private RequestLimits requestLimits = new RequestLimits();

    @JsonProperty
    public RequestLimits getRequestLimits() {
        return requestLimits;
    }

    @JsonProperty
    public void setRequestLimits(RequestLimits requestLimits) {
        this.requestLimits = requestLimits;
    }

    /** Users, sessions, login throttling (org.egovmonitor.auth). */
    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth;
    }

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public EmbeddedDatabaseFactory getEmbeddedDatabase() {
        return embeddedDatabase;
    }

    @JsonProperty
    public void setEmbeddedDatabase(EmbeddedDatabaseFactory embeddedDatabase) {
        this.embeddedDatabase = embeddedDatabase;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public boolean isDemo() {
        return demo;
    }

    @JsonProperty
    public void setDemo(boolean demo) {
        this.demo = demo;
    }

    @JsonProperty
    public String getTimeZone() {
        return timeZone;
    }

    @JsonProperty
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public java.time.ZoneId zoneId() {
        return java.time.ZoneId.of(timeZone);
    }

    /** True when no external database URL is configured. */
    public boolean usesEmbeddedDatabase() {
        return database.getUrl() == null || database.getUrl().isBlank()
                || EMBEDDED_URL.equalsIgnoreCase(database.getUrl().strip());
    }

    // ---- measure: where the crawler files (crawl.yml, sections.yml) are read from.

    /** Folder of the crawler files; blank means crawlers/ under the working directory, else the copies in the jar. */
    private String crawlersDir = "";

    @JsonProperty
    public String getCrawlersDir() {
        return crawlersDir;
    }

    @JsonProperty
    public void setCrawlersDir(String crawlersDir) {
        this.crawlersDir = crawlersDir;
    }

    /** The crawler files' folder, or null for the default (with the bundled fallback). */
    public java.nio.file.Path crawlersPath() {
        return crawlersDir == null || crawlersDir.isBlank() ? null : java.nio.file.Path.of(crawlersDir);
    }
}
