package org.egovmonitor.collection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.egovmonitor.registry.Unit;

/**
 * The city's own name prefixes, read from the registry rather than configured: municipal units are named after the
 * city ("池州市财政局"), so the city is the "X市" most unit names start with, and a source may name a unit with or
 * without it, or as the party committee "中共X市委". Deriving it keeps config.yml free of one city's names. Pure.
 */
public final class CityPrefixes {

    /** Two to four Han characters and 市 at the start of a name: 池州市, 马鞍山市, 黔东南市 … */
    private static final Pattern CITY = Pattern.compile("^(\\p{IsHan}{2,4}?)市");

    /** A city name must begin at least this many unit names, so one odd name cannot decide it. */
    static final int MIN_UNITS = 2;

    private CityPrefixes() {
    }

    /** The city ("池州" for 池州市), when enough unit names start with it. */
    public static Optional<String> city(List<Unit> units) {
        Map<String, Long> counts = units.stream().map(u -> CITY.matcher(u.name()))
                .filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_UNITS)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The prefixes a source may carry before a municipal unit's own name, longest first; none without a city. */
    public static List<String> of(List<Unit> units) {
        return city(units).map(c -> List.of("中共" + c + "市委", c + "市", c)).orElse(List.of());
    }
}
