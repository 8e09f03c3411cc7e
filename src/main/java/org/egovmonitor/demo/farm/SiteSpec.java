package org.egovmonitor.demo.farm;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.egovmonitor.registry.SiteKind;

/**
 * What to generate. Everything not fixed by {@link Overrides} is drawn from {@code seed}, so the same spec always
 * yields the same bytes and the same truth.
 *
 * @param seed      the random seed
 * @param host      the host the site is served as: a loopback address ({@code 127.0.1.7}) or a name
 *                  ({@code www.chizhou.gov.cn}, when the farm is used as an HTTP proxy)
 * @param port      the farm port; 0 lets {@link SiteFarm#start} choose one and regenerate with it
 * @param kind      the site kind, which decides the required families
 * @param name      the site's Chinese name (池州市人民政府)
 * @param now       the day truth is computed against; no item is dated after it
 * @param peerUrls  root URLs of other sites known to answer 200 (used for external decoy links); may be empty
 * @param overrides fixed properties (the demo dictates them); {@link Overrides#NONE} for a fully random site
 */
public record SiteSpec(long seed, String host, int port, SiteKind kind, String name, LocalDate now,
                       List<String> peerUrls, Overrides overrides) {

    public SiteSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(now, "now");
        host = host.toLowerCase(Locale.ROOT);
        peerUrls = peerUrls == null ? List.of() : List.copyOf(peerUrls);
        overrides = overrides == null ? Overrides.NONE : overrides;
        overrides.validate();
    }

    /**
     * Properties the caller fixes; a null field is drawn at random. For the family sets, null means "random" and a
     * set means "exactly these".
     *
     * @param families      the families in the navigation (null: random, with some required ones possibly missing)
     * @param blankFamilies families whose section shows 暂无信息 (null: random)
     * @param staleFamilies families whose newest item is older than their window (null: random)
     * @param layout        table or div layout
     * @param charset       encoding and its declaration
     * @param brokenLinks   number of broken homepage links (internal 404 and dead external), excluding dead decoys
     * @param navOnly       whether the homepage carries no dated items; false is honoured only if some section has
     *                      dated items
     * @param sources       the 来源 named on item detail pages, each item drawing one (null: the site's place name)
     * @param replies       how its interactive sections' messages are answered (null: drawn)
     */
    public record Overrides(Set<String> families, Set<String> blankFamilies, Set<String> staleFamilies,
                            PageLayout layout, PageCharset charset, Integer brokenLinks, Boolean navOnly,
                            List<String> sources, ReplyHabit replies) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null);

        public Overrides {
            sources = sources == null ? null : List.copyOf(sources);
        }

        /** Replies drawn at random. */
        public Overrides(Set<String> families, Set<String> blankFamilies, Set<String> staleFamilies,
                         PageLayout layout, PageCharset charset, Integer brokenLinks, Boolean navOnly,
                         List<String> sources) {
            this(families, blankFamilies, staleFamilies, layout, charset, brokenLinks, navOnly, sources, null);
        }

        /** These overrides with the replies dictated. */
        public Overrides withReplies(ReplyHabit habit) {
            return new Overrides(families, blankFamilies, staleFamilies, layout, charset, brokenLinks, navOnly, sources,
                    habit);
        }

        /** Without {@code sources}: every item names the site's place as its source. */
        public Overrides(Set<String> families, Set<String> blankFamilies, Set<String> staleFamilies,
                         PageLayout layout, PageCharset charset, Integer brokenLinks, Boolean navOnly) {
            this(families, blankFamilies, staleFamilies, layout, charset, brokenLinks, navOnly, null, null);
        }

        void validate() {
            for (Set<String> set : java.util.Arrays.asList(families, blankFamilies, staleFamilies)) {
                if (set != null) {
                    set.forEach(FamilyCatalog::byId);
                }
            }
            if (layout == PageLayout.MODERN && charset != null && charset != PageCharset.UTF8) {
                throw new IllegalArgumentException("modern layout is always UTF-8");
            }
            if (brokenLinks != null && brokenLinks < 0) {
                throw new IllegalArgumentException("brokenLinks must be >= 0");
            }
            if (sources != null && sources.isEmpty()) {
                throw new IllegalArgumentException("sources must not be empty (null: the place name)");
            }
        }
    }

    /** A random site: kind and name are drawn from the seed too. */
    public static SiteSpec random(long seed, String host, int port, LocalDate now) {
        Random r = new Random(mix(seed ^ 0x5DEECE66DL));
        SiteKind kind = SiteKind.values()[r.nextInt(SiteKind.values().length)];
        return new SiteSpec(seed, host, port, kind, TextBank.siteName(r, kind), now, List.of(), Overrides.NONE);
    }

    /**
     * SplitMix64's finaliser: java.util.Random's first outputs for consecutive seeds are strongly correlated, so
     * seeds are scrambled before use.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public SiteSpec withPort(int newPort) {
        return new SiteSpec(seed, host, newPort, kind, name, now, peerUrls, overrides);
    }

    public SiteSpec withPeers(List<String> peers) {
        return new SiteSpec(seed, host, port, kind, name, now, peers, overrides);
    }

    public SiteSpec withOverrides(Overrides o) {
        return new SiteSpec(seed, host, port, kind, name, now, peerUrls, o);
    }

    /** {@code http://host:port/} (the port is omitted when 80). */
    public String rootUrl() {
        return "http://" + host + (port == 80 ? "" : ":" + port) + "/";
    }
}
