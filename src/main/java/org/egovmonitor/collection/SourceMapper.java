package org.egovmonitor.collection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovmonitor.registry.Unit;

/**
 * Maps a source text to a unit by the registry's names and aliases: exactly first, then by a normalised form that
 * drops the city/level prefixes and unifies the 局/委/办 suffix variants. The city's prefixes come from the
 * registry ({@link CityPrefixes}), the generic ones and the suffixes are data ({@link ContributionSettings}); a
 * normalised form two units share is ambiguous and maps to neither. Pure.
 */
public final class SourceMapper {

    private final List<String> prefixes;
    private final Map<String, String> suffixSynonyms;
    private final List<String> stripSuffixes;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> normalised = new HashMap<>();

    public SourceMapper(List<Unit> units, ContributionSettings settings) {
        List<String> prefixes = new ArrayList<>(CityPrefixes.of(units));
        prefixes.addAll(settings.getStripPrefixes());
        this.prefixes = longestFirst(prefixes);
        this.suffixSynonyms = settings.getSuffixSynonyms();
        this.stripSuffixes = longestFirst(settings.getStripSuffixes());
        Set<String> ambiguousExact = new HashSet<>();
        Set<String> ambiguousNorm = new HashSet<>();
        for (Unit u : units) {
            List<String> names = new ArrayList<>(u.aliases());
            names.add(0, u.name());
            for (String n : names) {
                add(exact, ambiguousExact, compact(n), u.code());
                add(normalised, ambiguousNorm, normalise(n), u.code());
            }
        }
        ambiguousExact.forEach(exact::remove);
        ambiguousNorm.forEach(normalised::remove);
    }

    public Optional<String> map(String source) {
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        String e = exact.get(compact(source));
        return e != null ? Optional.of(e) : Optional.ofNullable(normalised.get(normalise(source)));
    }

    private static void add(Map<String, String> index, Set<String> ambiguous, String key, String code) {
        if (key.isEmpty()) {
            return;
        }
        String previous = index.putIfAbsent(key, code);
        if (previous != null && !previous.equals(code)) {
            ambiguous.add(key);
        }
    }

    static String compact(String s) {
        return s.replaceAll("[\\s\\u3000\\u00A0]+", "");
    }

    String normalise(String s) {
        String v = compact(s).replaceAll("[()（）【】\\[\\]《》“”\"]", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String p : prefixes) {
                if (v.startsWith(p) && v.length() - p.length() >= 2) {
                    v = v.substring(p.length());
                    stripped = true;
                    break;
                }
            }
        }
        for (Map.Entry<String, String> syn : suffixSynonyms.entrySet()) {
            if (v.endsWith(syn.getKey())) {
                v = v.substring(0, v.length() - syn.getKey().length()) + syn.getValue();
                break;
            }
        }
        for (String suffix : stripSuffixes) {
            if (v.endsWith(suffix) && v.length() - suffix.length() >= 2) {
                v = v.substring(0, v.length() - suffix.length());
                break;
            }
        }
        return v;
    }

    private static List<String> longestFirst(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
