package org.egovmonitor.demo.farm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.Await;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteFarmTest {

    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void quietLogs() {
        FarmLogging.quiet();
    }

    @Test
    void start_50Sites_eachAddressServesItsOwnSite() throws Exception {
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(50, 7, 0, NOW))) {
            assertThat(farm.hosts()).hasSize(50);
            for (int i = 0; i < 50; i++) {
                String host = FarmMain.loopbackHost(i);
                SiteTruth truth = farm.truth(host);
                assertThat(farm.url(host)).isEqualTo("http://" + host + ":" + farm.port() + "/");
                HttpResponse<byte[]> r = get(farm.url(host));
                assertThat(r.statusCode()).isEqualTo(200);
                String html = decode(r.body(), farm.site(host).traits().charset());
                assertThat(Jsoup.parse(html).title()).isEqualTo(truth.name());
                assertThat(r.body()).isEqualTo(farm.site(host).respond("/").body());
                assertThat(get(farm.url(host) + "robots.txt").statusCode()).isEqualTo(200);
                assertThat(get(farm.url(host) + "favicon.ico").statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void start_servedSites_truthUrlsAnswerAndBrokenLinksReallyFail() throws Exception {
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(30, 11, 0, NOW))) {
            assertThat(farm.hosts()).hasSize(30);
            for (String host : farm.hosts()) {
                SiteTruth t = farm.truth(host);
                assertThat(t.sections()).as(host).isNotEmpty();
                for (SiteTruth.Section s : t.sections()) {
                    assertThat(get(s.url()).statusCode()).as(s.url()).isEqualTo(s.status());
                }
                GeneratedSite site = farm.site(host);
                Document home = Jsoup.parse(decode(site.respond("/").body(), site.traits().charset()), t.url());
                assertThat(home.select("a[href]")).as(host).isNotEmpty();
                for (Element a : home.select("a[href]")) {
                    String url = a.absUrl("href");
                    if (t.brokenLinks().contains(url)) {
                        assertThat(answers(url)).as(url).isFalse();
                    } else {
                        assertThat(get(url).statusCode()).as(url).isEqualTo(200);
                    }
                }
            }
        }
    }

    @Test
    void setDown_wildcardBinding_answers503ThenRecovers() throws Exception {
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(3, 5, 0, NOW))) {
            String host = FarmMain.loopbackHost(1);
            farm.setDown(host, true);
            assertThat(get(farm.url(host)).statusCode()).isEqualTo(503);
            assertThat(get(farm.url(FarmMain.loopbackHost(0))).statusCode()).isEqualTo(200);
            farm.setDown(host, false);
            assertThat(get(farm.url(host)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void setDown_perAddressBinding_refusesConnectionsThenRecovers() throws Exception {
        SiteFarm.Options options = SiteFarm.Options.defaults().withBinding(SiteFarm.Binding.PER_ADDRESS);
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(3, 5, 0, NOW), options)) {
            String host = FarmMain.loopbackHost(0);
            farm.setDown(host, true);
            assertThatThrownBy(() -> get(farm.url(host))).isInstanceOf(ConnectException.class);
            assertThat(get(farm.url(FarmMain.loopbackHost(1))).statusCode()).isEqualTo(200);
            farm.setDown(host, false);
            assertThat(get(farm.url(host)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void hostHeader_namedSite_isServedByName() throws Exception {
        List<SiteSpec> specs = new ArrayList<>(FarmMain.randomSpecs(2, 3, 0, NOW));
        specs.add(new SiteSpec(99, "www.chizhou.gov.cn", 0, SiteKind.PORTAL, "池州市人民政府", NOW, List.of(),
                null));
        try (SiteFarm farm = SiteFarm.start(specs)) {
            String response = rawGet("127.0.0.1", farm.port(), "GET / HTTP/1.1\r\nHost: www.chizhou.gov.cn\r\n"
                    + "Connection: close\r\n\r\n", farm.site("www.chizhou.gov.cn").traits().charset());
            assertThat(response).startsWith("HTTP/1.1 200").contains("<title>池州市人民政府</title>");
            // proxy style: absolute-form request line
            String proxied = rawGet("127.0.0.1", farm.port(), "GET http://www.chizhou.gov.cn/robots.txt HTTP/1.1\r\n"
                    + "Host: www.chizhou.gov.cn\r\nConnection: close\r\n\r\n", StandardCharsets.UTF_8.name());
            assertThat(proxied).startsWith("HTTP/1.1 200").contains("User-agent: *");
            assertThat(farm.url("www.chizhou.gov.cn")).isEqualTo("http://www.chizhou.gov.cn:" + farm.port() + "/");
        }
    }

    @Test
    void latency_isAddedWithoutBreakingResponses() throws Exception {
        SiteFarm.Options options = SiteFarm.Options.defaults().withLatency(Duration.ofMillis(50));
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(2, 9, 0, NOW), options)) {
            String host = FarmMain.loopbackHost(0);
            assertThat(get(farm.url(host)).statusCode()).isEqualTo(200);
            farm.setLatency(host, Duration.ZERO);
            assertThat(get(farm.url(host)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void close_leavesNoFarmThreads() throws Exception {
        SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(5, 1, 0, NOW),
                SiteFarm.Options.defaults().withBinding(SiteFarm.Binding.PER_ADDRESS));
        get(farm.url(FarmMain.loopbackHost(0)));
        farm.close();
        Await.threadsEnded("closing the farm", Duration.ofSeconds(10), th -> th.getName().startsWith("farm"));
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Whether anything answers the URL with a status below 400. */
    private boolean answers(String url) throws InterruptedException {
        try {
            return get(url).statusCode() < 400;
        } catch (IOException e) {
            return false;
        }
    }

    private static String decode(byte[] body, PageCharset cs) {
        return new String(body, cs.isGbk() ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
    }

    private static String rawGet(String ip, int port, String request, PageCharset cs) throws IOException {
        return rawGet(ip, port, request, cs.isGbk() ? "GB18030" : "UTF-8");
    }

    private static String rawGet(String ip, int port, String request, String charset) throws IOException {
        try (Socket s = new Socket(ip, port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), Charset.forName(charset));
        }
    }
}
