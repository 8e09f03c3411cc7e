package org.egovmonitor.collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code contributions:} block of config.yml: how the portal is read for 信息报送 and how sources are matched. */
public class ContributionSettings {

    /** Articles fetched at most per collection round (articles already stored are not fetched again). */
    @Min(1)
    @Max(5000)
    private int maxArticlesPerRound = 200;

    /** Section (list) pages of the portal read at most per round. */
    @Min(1)
    @Max(200)
    private int maxSectionPages = 10;

    /** A portal link whose text contains one of these is a news/information section to read. */
    @NotEmpty
    private List<String> sectionKeywords = List.of("新闻", "动态", "要闻", "信息", "政务", "公告", "通知", "工作");

    /**
     * Level prefixes dropped before matching a source to a unit name. The city's own (中共X市委, X市, X) are added
     * from the registry's unit names ({@link CityPrefixes}), so they are not configured here.
     */
    @NotNull
    private List<String> stripPrefixes = List.of("中共", "市", "县");

    /** Suffix variants unified before matching: 办公室 → 办, 委员会 → 委. */
    @NotNull
    private Map<String, String> suffixSynonyms = new LinkedHashMap<>(Map.of("办公室", "办", "委员会", "委"));

    /** Suffixes dropped last, so that 财政局 and 财政 match. */
    @NotNull
    private List<String> stripSuffixes = List.of("局", "委", "办");

    /** A fetch settings file of its own (timeouts, caps, SSRF allow-list); empty: the crawler folder's crawl.yml. */
    @NotNull
    private String fetchSettingsFile = "";

    @JsonProperty
    public int getMaxArticlesPerRound() {
        return maxArticlesPerRound;
    }

    @JsonProperty
    public void setMaxArticlesPerRound(int maxArticlesPerRound) {
        this.maxArticlesPerRound = maxArticlesPerRound;
    }

    @JsonProperty
    public int getMaxSectionPages() {
        return maxSectionPages;
    }

    @JsonProperty
    public void setMaxSectionPages(int maxSectionPages) {
        this.maxSectionPages = maxSectionPages;
    }

    @JsonProperty
    public List<String> getSectionKeywords() {
        return sectionKeywords;
    }

    @JsonProperty
    public void setSectionKeywords(List<String> sectionKeywords) {
        this.sectionKeywords = List.copyOf(sectionKeywords);
    }

    @JsonProperty
    public List<String> getStripPrefixes() {
        return stripPrefixes;
    }

    @JsonProperty
    public void setStripPrefixes(List<String> stripPrefixes) {
        this.stripPrefixes = List.copyOf(stripPrefixes);
    }

    @JsonProperty
    public Map<String, String> getSuffixSynonyms() {
        return suffixSynonyms;
    }

    @JsonProperty
    public void setSuffixSynonyms(Map<String, String> suffixSynonyms) {
        this.suffixSynonyms = new LinkedHashMap<>(suffixSynonyms);
    }

    @JsonProperty
    public List<String> getStripSuffixes() {
        return stripSuffixes;
    }

    @JsonProperty
    public void setStripSuffixes(List<String> stripSuffixes) {
        this.stripSuffixes = List.copyOf(stripSuffixes);
    }

    @JsonProperty
    public String getFetchSettingsFile() {
        return fetchSettingsFile;
    }

    @JsonProperty
    public void setFetchSettingsFile(String fetchSettingsFile) {
        this.fetchSettingsFile = fetchSettingsFile;
    }
}
