package org.egovmonitor.crawler.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-host politeness of a whole node: one {@link HostGate} per host, shared by every fetcher given the same
 * instance (the crawl engine, the availability probe and the portal collection), so that together they never send
 * a host more than {@code perHostConcurrency} requests at once nor start them closer than the delay. Without it each
 * fetcher would be polite on its own and a host could get a crawl, a probe and a collection at the same moment.
 */
public final class HostGates {

    private final int perHostConcurrency;
    private final long perHostDelayMs;
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();

    /** Gates with the politeness of {@code settings} (perHostConcurrency, perHostDelayMs). */
    public HostGates(FetchSettings settings) {
        this.perHostConcurrency = settings.perHostConcurrency();
        this.perHostDelayMs = settings.perHostDelayMs();
    }

    HostGate gate(String host) {
        return gates.computeIfAbsent(host.toLowerCase(Locale.ROOT),
                h -> new HostGate(perHostConcurrency, perHostDelayMs));
    }
}
