package org.egovmonitor.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The city's prefixes come from the registry's unit names, so another city needs no configuration. */
class CityPrefixesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "NONE", delimiter = '|', textBlock = """
            池州市财政局,池州市信息中心,东至县气象局                 | 池州
            铜陵市财政局,铜陵市城市管理局,铜陵市科学技术局,池州市气象局 | 铜陵
            马鞍山市财政局,马鞍山市公安局                             | 马鞍山
            东至县气象局,石台县财政局                                 | NONE
            城市管理局,市财政局                                       | NONE
            铜陵市财政局                                              | NONE
            """)
    void city_isTheXShiMostUnitNamesStartWith(String names, String expected) {
        List<Unit> units = Arrays.stream(names.split(",")).map(n -> unit("u-" + n, n)).toList();
        assertThat(CityPrefixes.city(units)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void prefixes_partyCommitteeCityAndBareName() {
        assertThat(CityPrefixes.of(List.of(unit("a", "铜陵市财政局"), unit("b", "铜陵市公安局"))))
                .containsExactly("中共铜陵市委", "铜陵市", "铜陵");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NONE", textBlock = """
            铜陵市财政局,         tl-czj
            铜陵市公安,           tl-gaj
            公安局,               tl-gaj
            铜陵财政,             tl-czj
            铜陵市科技局,         tl-kjj
            池州市财政局,         NONE
            """)
    void anotherCitysSourcesMapWithTheDefaultSettings(String source, String expected) {
        SourceMapper mapper = new SourceMapper(List.of(unit("tl-czj", "铜陵市财政局"),
                unit("tl-gaj", "铜陵市公安局"), unit("tl-kjj", "铜陵市科学技术局", "科技局")),
                new ContributionSettings());
        assertThat(mapper.map(source)).isEqualTo(Optional.ofNullable(expected));
    }

    private static Unit unit(String code, String name, String... aliases) {
        return new Unit(code, name, UnitKind.DEPARTMENT, null, PeerGroup.DEPARTMENTS, List.of(aliases), List.of(),
                false);
    }
}
