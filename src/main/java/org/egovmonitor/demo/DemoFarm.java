package org.egovmonitor.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.demo.farm.FarmMain;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.registry.RegistryFileReader;

/**
 * The demo's generated sites ({@link DemoSites}), served in-process by a {@link SiteFarm} on a free port, and the
 * crawler settings that reach them.
 *
 * <p>How the crawler reaches {@code http://www.chizhou.gov.cn/} with no DNS for it: the sites keep their registry
 * URLs (the farm writes port 80 into every link), and the demo pins each host name to its own loopback address with
 * the farm's port ({@code www.czkj.gov.cn -> 127.0.1.x:41234}; the portal and the counties to
 * {@code [::1]:41234} when the machine has an IPv6 loopback, so that they answer over IPv6) through the fetcher's
 * {@code hostOverrides}. The
 * pinned addresses still pass the SSRF guard, which the demo opens for exactly those address:port pairs, in memory:
 * the production settings in crawlers/crawl.yml are never changed, and nothing else on the machine (the app's own
 * ports, the database, any other local service, the farm's addresses on other ports) is reachable from a farm page.
 * (Serving the farm as an HTTP proxy was the alternative; it would have meant skipping the guard's lookup of the
 * target name whenever a proxy is set, weakening it for everyone.)
 */
public final class DemoFarm implements Managed, AutoCloseable {

    /** The farm is local: a short politeness delay lets the first round finish within a minute. */
    static final long PER_HOST_DELAY_MS = 20;
    /** Long enough for any demo session, beyond the https check's 30-day warning. */
    private static final long CERTIFICATE_DAYS = 825;

    private final SiteFarm farm;
    private final DemoSites plan;
    private final Map<String, String> hostOverrides;
    private final List<InetSocketAddress> endpoints;
    private final X509Certificate authority;

    private DemoFarm(SiteFarm farm, DemoSites plan, Map<String, String> hostOverrides,
                     List<InetSocketAddress> endpoints, X509Certificate authority) {
        this.authority = authority;
        this.farm = farm;
        this.plan = plan;
        this.hostOverrides = hostOverrides;
        this.endpoints = endpoints;
    }

    /** Generates and serves the demo registry's sites as of {@code today}. */
    public static DemoFarm start(ObjectMapper mapper, LocalDate today) {
        RegistryFileReader.Result registry;
        try {
            registry = new RegistryFileReader(mapper).readResource(DemoRegistry.RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoSites plan = DemoSites.plan(registry.document(), today);
        // the demo's own certificate authority, made now, trusted by the demo's crawl settings only (reach)
        HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0)
                .commonName("egov-monitor demo authority").duration(CERTIFICATE_DAYS, TimeUnit.DAYS).build();
        Set<String> httpsHosts = new TreeSet<>();
        plan.specs().stream().filter(DemoSites::servedOverHttps).forEach(s -> httpsHosts.add(s.host()));
        SSLContext tls = serverContext(authority, httpsHosts);
        SiteFarm farm = SiteFarm.start(plan.specs(), plan.mounts(),
                SiteFarm.Options.defaults().withAdvertisedPort(80).withTls(tls, httpsHosts));
        plan.down().forEach(h -> farm.setDown(h, true));
        Map<String, String> overrides = new LinkedHashMap<>();
        List<InetSocketAddress> endpoints = new ArrayList<>();
        List<SiteSpec> specs = new ArrayList<>(plan.specs());
        boolean ipv6 = ipv6Loopback();
        for (int i = 0; i < specs.size(); i++) {
            if (ipv6 && DemoSites.servedOverIpv6(specs.get(i))) {
                // the farm's wildcard socket answers on ::1 too; the name then has an IPv6 address only
                overrides.put(specs.get(i).host(), "[::1]:" + farm.port());
            } else {
                overrides.put(specs.get(i).host(), FarmMain.loopbackHost(i) + ":" + farm.port());
                endpoints.add(endpoint(FarmMain.loopbackHost(i), farm.port()));
            }
        }
        if (ipv6) {
            endpoints.add(endpoint("::1", farm.port()));
        }
        return new DemoFarm(farm, plan, Collections.unmodifiableMap(overrides), List.copyOf(endpoints),
                authority.certificate());
    }

    /** The farm's TLS side: one certificate of {@code authority} naming every https host. */
    private static SSLContext serverContext(HeldCertificate authority, Set<String> hosts) {
        HeldCertificate.Builder certificate = new HeldCertificate.Builder().signedBy(authority)
                .duration(CERTIFICATE_DAYS, TimeUnit.DAYS);
        hosts.forEach(certificate::addSubjectAlternativeName);
        return new HandshakeCertificates.Builder().heldCertificate(certificate.build()).build().sslContext();
    }

    /** Whether this machine has an IPv6 loopback; without one every demo site stays on IPv4 (ipv6 then fails). */
    static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static InetSocketAddress endpoint(String ip, int port) {
        try {
            // an IP literal: no lookup happens
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code host -> 127.0.1.x:port} for every farm host. */
    public Map<String, String> hostOverrides() {
        return hostOverrides;
    }

    public int port() {
        return farm.port();
    }

    /** Registry sites served (township pages mounted under county hosts included). */
    public int siteCount() {
        return plan.sites();
    }

    public SiteFarm farm() {
        return farm;
    }

    /**
     * {@code settings} able to reach the farm: its hosts pinned, exactly its address:port pairs allowed, its
     * certificate authority trusted (for the sites it serves over https), a short per-host delay.
     */
    public FetchSettings reach(FetchSettings settings) {
        FetchSettings s = settings.withHostOverrides(hostOverrides).withAllowedPrivateEndpoints(endpoints)
                .withTrustedAuthorities(List.of(authority));
        return s.perHostDelayMs() > PER_HOST_DELAY_MS ? s.withPerHostDelayMs(PER_HOST_DELAY_MS) : s;
    }

    @Override
    public void start() {
        // started on construction: the crawler settings need its port before the app is wired
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        farm.close();
    }
}
