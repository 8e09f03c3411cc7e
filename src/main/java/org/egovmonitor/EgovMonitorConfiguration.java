package org.egovmonitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.egovmonitor.db.EmbeddedDatabaseFactory;

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
