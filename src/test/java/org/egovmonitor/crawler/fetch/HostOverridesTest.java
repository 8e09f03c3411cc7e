package org.egovmonitor.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostOverridesTest {

    private static final AddressGuard.HostResolver NO_DNS = host -> {
        throw new UnknownHostException(host);
    };

    @Nested
    class Parsing {

        @Test
        void parse_addressesWithAndWithoutPort_pinned() throws Exception {
            HostOverrides o = HostOverrides.parse(Map.of("www.chizhou.gov.cn", "127.0.1.1:8080",
                    "WWW.Dongzhi.gov.cn", "10.1.2.3", "v6.example.cn", "[::1]:81"));
            assertThat(o.resolver(NO_DNS).resolve("www.chizhou.gov.cn"))
                    .containsExactly(InetAddress.getByName("127.0.1.1"));
            assertThat(o.port("www.chizhou.gov.cn", 80)).isEqualTo(8080);
            assertThat(o.port("www.dongzhi.gov.cn", 80)).isEqualTo(80);
            assertThat(o.port("v6.example.cn", 80)).isEqualTo(81);
            assertThat(o.port("other.example.cn", 443)).isEqualTo(443);
        }

        @ParameterizedTest
        @ValueSource(strings = {"localhost", "example.com", "127.0.0.1:0", "127.0.0.1:70000", "300.1.1.1", "", "1.2.3"})
        void parse_notAnAddress_refused(String value) {
            assertThatThrownBy(() -> HostOverrides.parse(Map.of("www.chizhou.gov.cn", value)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("www.chizhou.gov.cn");
        }

        @Test
        void settings_yamlKey_parsedAndValidated() {
            FetchSettings s = CrawlSettings.parse("hostOverrides: {www.chizhou.gov.cn: 10.20.1.15}").fetch();
            assertThat(s.hostOverrides()).containsEntry("www.chizhou.gov.cn", "10.20.1.15");
            assertThat(FetchSettings.defaults().hostOverrides()).isEmpty();
            assertThatThrownBy(() -> CrawlSettings.parse("hostOverrides: {www.chizhou.gov.cn: www.evil.cn}").fetch())
                    .hasMessageContaining("hostOverrides");
        }
    }

    @Nested
    class Guard {

        @Test
        void pinnedToLoopback_notAllowListed_blocked() {
            AddressGuard guard = new AddressGuard(List.of(),
                    HostOverrides.parse(Map.of("www.chizhou.gov.cn", "127.0.1.1")).resolver(NO_DNS));
            assertThatThrownBy(() -> guard.resolve("www.chizhou.gov.cn")).isInstanceOf(BlockedAddressException.class);
        }

        @Test
        void pinnedToLoopback_allowListed_resolved() throws Exception {
            AddressGuard guard = new AddressGuard(List.of(CidrRange.parse("127.0.0.0/8")),
                    HostOverrides.parse(Map.of("www.chizhou.gov.cn", "127.0.1.1")).resolver(NO_DNS));
            assertThat(guard.resolve("www.chizhou.gov.cn")).containsExactly(InetAddress.getByName("127.0.1.1"));
        }
    }
}
