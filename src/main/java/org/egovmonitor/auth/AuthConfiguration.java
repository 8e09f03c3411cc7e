package org.egovmonitor.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code auth:} block of config.yml; every key is commented there. */
public class AuthConfiguration {

    private String adminUsername = "";
    private String adminPassword = "";

    @Min(4)
    @Max(16)
    private int passwordHashCost = 11;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sessionIdleTimeout = Duration.minutes(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sessionAbsoluteTimeout = Duration.hours(12);

    @Min(1)
    private int maxFailuresPerUser = 5;

    @Min(1)
    private int maxFailuresPerIp = 20;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration failureWindow = Duration.hours(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration failureDelay = Duration.seconds(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maxFailureDelay = Duration.minutes(5);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS, inclusive = true)
    private Duration basicCacheTtl = Duration.seconds(60);

    @NotNull
    private List<String> trustedProxies = new ArrayList<>();

    @NotNull
    private List<String> allowedOrigins = new ArrayList<>();

    @JsonProperty
    public String getAdminUsername() {
        return adminUsername;
    }

    @JsonProperty
    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    @JsonProperty
    public String getAdminPassword() {
        return adminPassword;
    }

    @JsonProperty
    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    @JsonProperty
    public int getPasswordHashCost() {
        return passwordHashCost;
    }

    @JsonProperty
    public void setPasswordHashCost(int passwordHashCost) {
        this.passwordHashCost = passwordHashCost;
    }

    @JsonProperty
    public Duration getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    @JsonProperty
    public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    @JsonProperty
    public Duration getSessionAbsoluteTimeout() {
        return sessionAbsoluteTimeout;
    }

    @JsonProperty
    public void setSessionAbsoluteTimeout(Duration sessionAbsoluteTimeout) {
        this.sessionAbsoluteTimeout = sessionAbsoluteTimeout;
    }

    @JsonProperty
    public int getMaxFailuresPerUser() {
        return maxFailuresPerUser;
    }

    @JsonProperty
    public void setMaxFailuresPerUser(int maxFailuresPerUser) {
        this.maxFailuresPerUser = maxFailuresPerUser;
    }

    @JsonProperty
    public int getMaxFailuresPerIp() {
        return maxFailuresPerIp;
    }

    @JsonProperty
    public void setMaxFailuresPerIp(int maxFailuresPerIp) {
        this.maxFailuresPerIp = maxFailuresPerIp;
    }

    @JsonProperty
    public Duration getFailureWindow() {
        return failureWindow;
    }

    @JsonProperty
    public void setFailureWindow(Duration failureWindow) {
        this.failureWindow = failureWindow;
    }

    @JsonProperty
    public Duration getFailureDelay() {
        return failureDelay;
    }

    @JsonProperty
    public void setFailureDelay(Duration failureDelay) {
        this.failureDelay = failureDelay;
    }

    @JsonProperty
    public Duration getMaxFailureDelay() {
        return maxFailureDelay;
    }

    @JsonProperty
    public void setMaxFailureDelay(Duration maxFailureDelay) {
        this.maxFailureDelay = maxFailureDelay;
    }

    @JsonProperty
    public Duration getBasicCacheTtl() {
        return basicCacheTtl;
    }

    @JsonProperty
    public void setBasicCacheTtl(Duration basicCacheTtl) {
        this.basicCacheTtl = basicCacheTtl;
    }

    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @JsonProperty
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    @JsonProperty
    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }
}
