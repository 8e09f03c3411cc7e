package org.egovmonitor.demo;

import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitored site that redirects or links to the app's admin port: the fetch guard refuses the app's own ports on
 * this machine whatever the allow-list says, and the demo allows exactly its farm's address:port pairs, while the
 * farm's sites are still fetched.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FetchGuardOwnPortsTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);

    static DemoFarm farm;
    static HttpServer site;
    static String admin;

    @BeforeAll
    static void farmAndHostileSite() throws Exception {
        farm = DemoFarm.start(Jackson.newObjectMapper(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        admin = "http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck";
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", admin);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.createContext("/", ex -> {
            byte[] page = ("<html><body><a href=\"" + admin + "\">管理</a></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/") ? 200 : 404, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        site.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop(0);
        }
        if (farm != null) {
            farm.close();
        }
    }

    private static String siteUrl(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    /** The demo's settings as the running app builds them: farm reachable, the app's own ports guarded. */
    private static FetchSettings demo() {
        EgovMonitorApplication app = (EgovMonitorApplication) APP.getApplication();
        return farm.reach(FetchSettings.defaults()).withOwnPorts(app.ownPorts());
    }

    private static FetchResult get(FetchSettings settings, String url) {
        try (HttpPageFetcher fetcher = new HttpPageFetcher(settings)) {
            return fetcher.get(URI.create(url));
        }
    }

    @Test
    void ownPorts_ofTheRunningApp_areItsApplicationAndAdminPorts() {
        EgovMonitorApplication app = (EgovMonitorApplication) APP.getApplication();
        assertThat(app.ownPorts().ports()).contains(APP.getLocalPort(), APP.getAdminPort());
    }

    @Test
    void demoSettings_farmSite_fetched() {
        String host = farm.hostOverrides().keySet().iterator().next();

        FetchResult r = get(demo(), "http://" + host + "/");

        assertThat(r.error()).as(r.errorDetail()).isNull();
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void demoSettings_adminPortOrOtherLocalPorts_blocked() {
        // the farm's addresses: IPv4 loopbacks, and [::1] for the sites it serves over IPv6 too
        Set<String> farmAddresses = new TreeSet<>();
        farm.hostOverrides().values().forEach(v -> farmAddresses.add(v.substring(0, v.lastIndexOf(':'))));

        assertThat(get(demo(), admin).error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        // the farm's own addresses, but not its port: not the farm
        for (String farmAddress : farmAddresses) {
            assertThat(get(demo(), "http://" + farmAddress + ":" + APP.getLocalPort() + "/").error())
                    .as(farmAddress).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        }
        // any other local service
        assertThat(get(demo(), siteUrl("/")).error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
    }

    @Test
    void localSiteAllowListed_redirectOrLinkToAdminPort_blocked() {
        FetchSettings settings = demo().withAllowedPrivateEndpoints(List.of(site.getAddress()));
        FetchResult page = get(settings, siteUrl("/"));
        assertThat(page.status()).as(page.errorDetail()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(admin);

        FetchResult redirected = get(settings, siteUrl("/redirect"));
        assertThat(redirected.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(redirected.finalUrl()).isEqualTo(admin);
        try (HttpPageFetcher fetcher = new HttpPageFetcher(settings)) {
            // what the link checker does with the page's link
            assertThat(fetcher.check(URI.create(admin)).error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        }
    }

    @Test
    void allLoopbackAllowListed_ownPortsStillBlocked_otherLocalSiteFetched() {
        FetchSettings wide = demo().withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8")));

        assertThat(get(wide, admin).error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(get(wide, "http://127.0.0.1:" + APP.getLocalPort() + "/login.html").error())
                .isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(get(wide, siteUrl("/redirect")).error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(get(wide, siteUrl("/")).status()).isEqualTo(200);
    }
}
