package org.egovmonitor.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Settings of the embedded PostgreSQL used when no database URL is configured. */
public class EmbeddedDatabaseFactory {

    /** Where the cluster's files live; kept across restarts. */
    @NotBlank
    private String dataDir = "./data";

    /** TCP port on 127.0.0.1; 0 picks a free one at each start. */
    @Min(0)
    @Max(65535)
    private int port;

    /** How long to wait for the server to accept connections. */
    @Min(5)
    private int startupTimeoutSeconds = 60;

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    @JsonProperty
    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }
}
