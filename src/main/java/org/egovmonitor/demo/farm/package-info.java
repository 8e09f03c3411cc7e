/**
 * The generated site farm: simulated Chinese government websites with exact ground truth, served as many hosts.
 *
 * <ul>
 * <li>{@link org.egovmonitor.demo.farm.SiteGenerator} turns a {@link org.egovmonitor.demo.farm.SiteSpec} (seed, host, port,
 * kind, name, now, overrides) into a {@link org.egovmonitor.demo.farm.GeneratedSite}: pages plus
 * {@link org.egovmonitor.demo.farm.SiteTruth}, the contract a perfect measurement must equal.</li>
 * <li>{@link org.egovmonitor.demo.farm.SiteFarm} serves many generated sites from one Jetty server, dispatching by host
 * name or local address; {@link org.egovmonitor.demo.farm.FarmMain} serves N random sites for benchmarks.</li>
 * <li>{@link org.egovmonitor.demo.farm.FamilyCatalog} holds the families, synonyms, windows and required lists the truth
 * is computed with; it must agree with the crawler's {@code crawlers/} data.</li>
 * </ul>
 */
package org.egovmonitor.demo.farm;
