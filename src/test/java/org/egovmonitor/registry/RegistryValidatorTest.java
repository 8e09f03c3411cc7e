package org.egovmonitor.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.errors.FieldError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2003, 5, 1);

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Nested
    class Units {

        @ParameterizedTest(name = "code \"{0}\" valid={1}")
        @CsvSource({
                "czs-jw, true", "ab, true", "a1-b2-c3, true", "0abc, true",
                "a, false", "-ab, false", "Czs, false", "czs_jw, false", "计委, false", "'a b', false",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd, true",
                "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde, false"})
        void unit_code_followsPattern(String code, boolean valid) {
            var checked = RegistryValidator.unit(new UnitRequest(code, "名称", UnitKind.DEPARTMENT, null, null, null,
                    null), false);
            assertThat(fields(checked.errors()).contains("code")).isEqualTo(!valid);
        }

        @Test
        void unit_missingEverything_listsEveryField() {
            var checked = RegistryValidator.unit(new UnitRequest(null, " ", null, null, null, null, null), false);
            assertThat(fields(checked.errors())).containsExactlyInAnyOrder("code", "name", "kind");
            assertThat(checked.value()).isNull();
        }

        @ParameterizedTest(name = "{0} defaults to {1}")
        @CsvSource({"DEPARTMENT, DEPARTMENTS", "PORTAL_OWNER, DEPARTMENTS", "COUNTY, COUNTIES", "DISTRICT, COUNTIES",
                "ZONE, COUNTIES", "COUNTY_DEPARTMENT, COUNTY_DEPARTMENTS", "TOWNSHIP, TOWNSHIPS"})
        void unit_withoutPeerGroup_takesKindDefault(UnitKind kind, PeerGroup expected) {
            Unit unit = RegistryValidator.unit(new UnitRequest("u1", "单位", kind, null, null, null, null), true)
                    .value();
            assertThat(unit.peerGroup()).isEqualTo(expected);
            assertThat(unit.demo()).isTrue();
        }

        @Test
        void unit_aliases_trimmedAndDeduplicated() {
            Unit unit = RegistryValidator.unit(new UnitRequest(" czs-jw ", " 计委 ", UnitKind.DEPARTMENT, null,
                    PeerGroup.DEPARTMENTS, List.of(" 计委", "计委 ", "市计委"), null), false).value();
            assertThat(unit.code()).isEqualTo("czs-jw");
            assertThat(unit.name()).isEqualTo("计委");
            assertThat(unit.aliases()).containsExactly("计委", "市计委");
        }

        @Test
        void unit_blankAliasOrSelfParent_rejected() {
            var checked = RegistryValidator.unit(new UnitRequest("czs-jw", "计委", UnitKind.DEPARTMENT, "czs-jw",
                    null, List.of(" "), null), false);
            assertThat(fields(checked.errors())).containsExactlyInAnyOrder("parentCode", "aliases");
        }
    }

    @Nested
    class Sites {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "http://www.chizhou.gov.cn, http://www.chizhou.gov.cn/",
                "HTTP://WWW.Chizhou.GOV.cn/, http://www.chizhou.gov.cn/",
                "http://www.chizhou.gov.cn:80/index.htm, http://www.chizhou.gov.cn/index.htm",
                "https://a.gov.cn:443/x/?a=1#frag, https://a.gov.cn/x/?a=1",
                "http://127.0.1.5:8080/, http://127.0.1.5:8080/"})
        void normalizeUrl_canonicalForm(String raw, String expected) {
            assertThat(RegistryValidator.normalizeUrl(raw)).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({"ftp://a.gov.cn/", "www.chizhou.gov.cn", "javascript:alert(1)", "http://user:pw@a.gov.cn/",
                "'http://a b/'", "http:///path"})
        void normalizeUrl_badUrl_rejected(String raw) {
            assertThatThrownBy(() -> RegistryValidator.normalizeUrl(raw)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void site_monitoredDefaultsToTrue() {
            var checked = RegistryValidator.site(new SiteRequest("http://a.gov.cn", "甲", SiteKind.PORTAL, "u1", null));
            assertThat(checked.value().monitored()).isTrue();
            assertThat(checked.value().url()).isEqualTo("http://a.gov.cn/");
        }

        @Test
        void site_missingFields_listed() {
            var checked = RegistryValidator.site(new SiteRequest("nope", null, null, null, false));
            assertThat(fields(checked.errors())).containsExactlyInAnyOrder("url", "name", "kind", "unitCode");
        }
    }

    @Nested
    class Nodes {

        static Stream<Arguments> cases() {
            LocalDate d = LocalDate.of(2002, 6, 28);
            return Stream.of(
                    Arguments.of(new NodeRequest("u", NodeStatus.CONNECTED, 1, d, 10, 12, null, null), List.of()),
                    Arguments.of(new NodeRequest("u", NodeStatus.PLANNED, 2, null, null, null, null, null), List.of()),
                    Arguments.of(new NodeRequest("u", NodeStatus.CONNECTED, 1, null, 10, 12, null, null),
                            List.of("connectedOn")),
                    Arguments.of(new NodeRequest("u", NodeStatus.CONNECTED, 1, TODAY.plusDays(1), 1, 1, null, null),
                            List.of("connectedOn")),
                    Arguments.of(new NodeRequest("u", NodeStatus.CONNECTED, 1, TODAY, 1, 1, null, null), List.of()),
                    Arguments.of(new NodeRequest("u", null, 0, null, -1, -1, null, null),
                            List.of("status", "phase", "bandwidthMbps", "terminals")),
                    Arguments.of(new NodeRequest("u", NodeStatus.PLANNED, null, null, null, null, "10.0.0.1", null),
                            List.of("probePort")),
                    Arguments.of(new NodeRequest("u", NodeStatus.PLANNED, null, null, null, null, null, 80),
                            List.of("probeHost")),
                    Arguments.of(new NodeRequest("u", NodeStatus.PLANNED, null, null, null, null, "a b", 70000),
                            List.of("probeHost", "probePort")),
                    Arguments.of(new NodeRequest(null, NodeStatus.PLANNED, null, null, null, 100_001, null, null),
                            List.of("unitCode", "terminals")));
        }

        @ParameterizedTest
        @MethodSource("cases")
        void node_rules(NodeRequest request, List<String> badFields) {
            assertThat(fields(RegistryValidator.node(request, TODAY).errors()))
                    .containsExactlyInAnyOrderElementsOf(badFields);
        }
    }

    @Nested
    class Liaisons {

        @ParameterizedTest(name = "phone={0} email={1} since={2} -> {3}")
        @CsvSource(delimiter = ';', value = {
                "0566-2021234; a@b.cn; 2003-03-01; ''",
                "; ; 2003-05-01; ''",
                "call me; ; 2003-03-01; phone",
                "0566-2021234; not-an-email; 2003-03-01; email",
                "0566-2021234; ; 2003-05-02; since",
                "0566-2021234; ; ; since"})
        void liaison_rules(String phone, String email, LocalDate since, String badField) {
            var errors = RegistryValidator.liaison(new LiaisonRequest("u", "王明", phone, email, since), TODAY).errors();
            assertThat(fields(errors)).isEqualTo(badField.isEmpty() ? List.of() : List.of(badField));
        }
    }

    @Nested
    class Leaders {

        @ParameterizedTest(name = "unit={0} name={1} post={2} -> {3}")
        @CsvSource(delimiter = ';', value = {
                "u; 王建国; 主任; ''",
                "u; '  王建国 '; ' 县委副书记、县长 '; ''",
                "; 王建国; 主任; unitCode",
                "u; 王; 主任; name",
                "u; ; 主任; name",
                "u; 王建国; ; post",
                "u; 阿卜杜热合曼·买买提明·艾则孜·阿卜杜拉·吐尔逊·热合曼·阿布都克力木·依明江·阿不都; 主任; name"})
        void leader_rules(String unit, String name, String post, String badField) {
            var checked = RegistryValidator.leader(new LeaderRequest(unit, name, post));
            assertThat(fields(checked.errors())).isEqualTo(badField.isEmpty() ? List.of() : List.of(badField));
            if (checked.ok()) {
                assertThat(checked.value().name()).isEqualTo(name.strip());
                assertThat(checked.value().post()).isEqualTo(post.strip());
            }
        }
    }
}
