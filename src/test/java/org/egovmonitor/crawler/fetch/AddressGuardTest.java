package org.egovmonitor.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressGuardTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no DNS
    }

    @Nested
    class NonPublicReason {

        @ParameterizedTest(name = "{0} -> blocked={1}")
        @CsvSource({
                "127.0.0.1,          true",
                "127.255.255.254,    true",
                "10.1.2.3,           true",
                "172.16.0.1,         true",
                "172.31.255.255,     true",
                "172.32.0.1,         false",
                "192.168.1.1,        true",
                "100.64.0.1,         true",
                "100.127.255.255,    true",
                "100.128.0.1,        false",
                "169.254.169.254,    true",
                "0.0.0.0,            true",
                "224.0.0.1,          true",
                "239.255.255.250,    true",
                "255.255.255.255,    true",
                "240.0.0.1,          true",
                "8.8.8.8,            false",
                "93.184.216.34,      false",
                "::1,                true",
                "::,                 true",
                "fe80::1,            true",
                "febf::1,            true",
                "fc00::1,            true",
                "fd12:3456::1,       true",
                "ff02::1,            true",
                "::ffff:10.0.0.1,    true",
                "::ffff:127.0.0.1,   true",
                "::ffff:8.8.8.8,     false",
                "::127.0.0.1,        true",
                "64:ff9b::a00:1,     true",
                "64:ff9b::808:808,   false",
                "2002:7f00:1::,      true",
                "2002:808:808::,     false",
                "2001:db8::1,        true",
                "2001:4860:4860::8888, false",
                "2606:4700::1111,    false",
        })
        void nonPublicReason_literalAddress_blockedAsExpected(String literal, boolean blocked) throws Exception {
            assertThat(AddressGuard.nonPublicReason(ip(literal).getAddress()).isPresent()).isEqualTo(blocked);
        }

        @Test
        void nonPublicReason_rawIpv4MappedBytes_blockedLikeTheIpv4Address() {
            // Java folds ::ffff:a.b.c.d into Inet4Address when parsing; raw bytes from elsewhere may not be folded.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            mapped[12] = (byte) 192;
            mapped[13] = (byte) 168;
            mapped[14] = 0;
            mapped[15] = 1;
            assertThat(AddressGuard.nonPublicReason(mapped)).hasValueSatisfying(r -> assertThat(r).contains("192.168"));
        }
    }

    @Nested
    class Cidr {

        @ParameterizedTest(name = "{0} contains {1}: {2}")
        @CsvSource({
                "127.0.0.0/8,      127.255.0.1,       true",
                "127.0.0.1/32,     127.0.0.1,         true",
                "127.0.0.1/32,     127.0.0.2,         false",
                "127.0.0.1,        127.0.0.1,         true",
                "192.168.1.77/24,  192.168.1.1,       true",
                "192.168.1.0/24,   192.168.2.1,       false",
                "10.0.0.0/8,       ::ffff:10.9.9.9,   true",
                "0.0.0.0/0,        8.8.8.8,           true",
                "0.0.0.0/0,        2001::1,           false",
                "::/0,             2001::1,           true",
                "::/0,             8.8.8.8,           false",
                "fd00::/8,         fd12::1,           true",
                "fd00::/8,         fe00::1,           false",
                "fe80::/10,        febf:ffff::1,      true",
                "fe80::/10,        fec0::1,           false",
                "::1/128,          ::1,               true",
        })
        void contains_addressAgainstRange_asExpected(String cidr, String address, boolean expected) throws Exception {
            assertThat(CidrRange.parse(cidr).contains(ip(address))).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "abc", "10.0.0.0/33", "::/129", "example.com/8", "10.0.0.0/x", "10.0.0/8",
                "10.0.0.0/-1", "1.2.3.4.5/8"})
        void parse_invalidText_throwsWithTheText(String text) {
            assertThatThrownBy(() -> CidrRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void parse_hostBitsSet_clearsThem() {
            assertThat(CidrRange.parse("192.168.1.77/24")).hasToString("192.168.1.0/24")
                    .isEqualTo(CidrRange.parse("192.168.1.0/24"));
        }
    }

    @Nested
    class Resolve {

        private final AddressGuard.HostResolver dns = host -> switch (host) {
            case "public.example" -> new InetAddress[]{ip("93.184.216.34")};
            case "mixed.example" -> new InetAddress[]{ip("93.184.216.34"), ip("10.0.0.5")};
            case "metadata.example" -> new InetAddress[]{ip("169.254.169.254")};
            case "v6.example" -> new InetAddress[]{ip("::ffff:127.0.0.1")};
            default -> InetAddress.getAllByName(host);
        };

        @Test
        void resolve_publicHost_returnsItsAddresses() throws Exception {
            assertThat(new AddressGuard(List.of(), dns).resolve("public.example")).containsExactly(ip("93.184.216.34"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"mixed.example", "metadata.example", "v6.example", "127.0.0.1", "[::1]", "::1",
                "2130706433", "localhost", "0.0.0.0", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]"})
        void resolve_anyNonPublicAddress_blocked(String host) {
            assertThatThrownBy(() -> new AddressGuard(List.of(), dns).resolve(host))
                    .isInstanceOf(BlockedAddressException.class);
        }

        @Test
        void resolve_emptyHost_isUnknownRatherThanLocalhost() {
            // InetAddress.getAllByName("") answers with the loopback address.
            assertThatThrownBy(() -> new AddressGuard(List.of(), dns).resolve(""))
                    .isInstanceOf(UnknownHostException.class);
        }

        @Test
        void resolve_allowListedRange_permitted() throws Exception {
            AddressGuard guard = new AddressGuard(List.of(CidrRange.parse("127.0.0.0/8")), dns);
            assertThat(guard.resolve("2130706433")).containsExactly(ip("127.0.0.1"));
            assertThat(guard.resolve("v6.example")).containsExactly(ip("127.0.0.1"));
        }

        @Test
        void resolve_allowListOfOneAddress_blocksItsNeighbour() {
            AddressGuard guard = new AddressGuard(List.of(CidrRange.parse("127.0.0.1/32")), dns);
            assertThatThrownBy(() -> guard.resolve("127.0.0.2")).isInstanceOf(BlockedAddressException.class);
        }
    }
}
