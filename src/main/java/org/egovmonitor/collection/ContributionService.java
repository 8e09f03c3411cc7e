package org.egovmonitor.collection;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.crawler.parse.DateExtractor;
import org.egovmonitor.crawler.parse.LinkExtractor;
import org.egovmonitor.crawler.parse.ListEntry;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.SiteDao;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Information contribution (信息报送): reads the city portal's news and information sections, stores each article
 * with its source (append-only), and counts articles per unit. Sources are mapped to units at read time with the
 * current names and aliases, so an alias the office assigns counts the articles already collected.
 */
public class ContributionService {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionService.class);
    private static final List<String> BLANK_PLACEHOLDERS = List.of("暂无信息", "暂无内容", "暂无数据", "暂无记录");
    private static final int EXAMPLE_URLS = 3;

    private final Jdbi jdbi;
    private final PageFetcher fetcher;
    private final ContributionSettings settings;
    private final Clock clock;
    private final PageDecoder decoder = new PageDecoder();
    private final LinkExtractor links = new LinkExtractor();
    private final ListPageAnalyzer lists = new ListPageAnalyzer(BLANK_PLACEHOLDERS);

    public ContributionService(Jdbi jdbi, PageFetcher fetcher, ContributionSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** The registered portal (the one site of kind PORTAL), for the manual collect button and the scheduler. */
    public URI registeredPortal() {
        List<Site> portals = jdbi.withExtension(SiteDao.class, d -> d.list(null, SiteKind.PORTAL, null));
        if (portals.isEmpty()) {
            throw new NotFoundException(Messages.get("error.contribution.noPortal"));
        }
        return URI.create(portals.get(0).url());
    }

    /**
     * One collection round over the portal: its homepage list and up to {@code maxSectionPages} news/information
     * sections, then up to {@code maxArticlesPerRound} articles not stored yet. Never throws for network trouble:
     * failures are listed in the result. Safe to run again (articles are stored once, by URL).
     */
    public Contributions.RoundResult collectFromPortal(URI portal, LocalDate now) {
        List<String> errors = new ArrayList<>();
        Optional<Document> home = page(portal.toString(), errors);
        if (home.isEmpty()) {
            return new Contributions.RoundResult(portal, now, 0, 0, 0, 0, 0, 0, 0, errors);
        }
        String host = host(home.get().location());
        Map<String, ListEntry> candidates = new LinkedHashMap<>();
        addEntries(candidates, home.get(), now, host);
        Set<String> sections = new LinkedHashSet<>();
        for (PageLink link : links.extract(home.get())) {
            if (!link.hidden() && host.equals(host(link.url())) && isSection(link.text())
                    && sections.size() < settings.getMaxSectionPages()) {
                sections.add(link.url());
            }
        }
        int sectionPages = 0;
        for (String section : sections) {
            Optional<Document> doc = page(section, errors);
            if (doc.isPresent()) {
                sectionPages++;
                addEntries(candidates, doc.get(), now, host);
            }
        }
        candidates.keySet().removeAll(sections);
        List<String> urls = new ArrayList<>(candidates.keySet());
        Set<String> known = new java.util.HashSet<>(jdbi.withExtension(ContributionDao.class,
                d -> d.knownUrls(urls.toArray(new String[0]))));
        List<Unit> units = jdbi.withExtension(UnitDao.class, UnitDao::findAll);
        SourceMapper mapper = new SourceMapper(units, settings);
        DateExtractor dates = new DateExtractor(now);
        int fetched = 0;
        int stored = 0;
        int withSource = 0;
        int mapped = 0;
        for (String url : urls) {
            if (known.contains(url)) {
                continue;
            }
            if (fetched >= settings.getMaxArticlesPerRound()) {
                break;
            }
            fetched++;
            Optional<Document> article = page(url, errors);
            if (article.isEmpty()) {
                continue;
            }
            ListEntry entry = candidates.get(url);
            Optional<String> source = SourceExtractor.extract(article.get());
            Optional<String> unit = source.flatMap(mapper::map);
            LocalDate date = entry.date() != null ? entry.date() : articleDate(article.get(), dates);
            String title = entry.title() != null && !entry.title().isBlank() ? entry.title() : article.get().title();
            stored += jdbi.withExtension(ContributionDao.class, d -> d.insert(url, portal.toString(),
                    truncate(title, 300), date, source.orElse(null), unit.orElse(null)));
            withSource += source.isPresent() ? 1 : 0;
            mapped += unit.isPresent() ? 1 : 0;
        }
        LOG.info("Contribution round on {}: {} sections, {} candidates, {} fetched, {} stored, {} errors", portal,
                sectionPages, urls.size(), fetched, stored, errors.size());
        return new Contributions.RoundResult(portal, now, sectionPages, urls.size(), known.size(), fetched, stored,
                withSource, mapped, errors);
    }

    /** Items per unit in the last 30 and 90 days (up to {@code now}), ranked within each peer group. */
    public Contributions.Summary summary(LocalDate now) {
        List<Unit> units = jdbi.withExtension(UnitDao.class, UnitDao::findAll);
        SourceMapper mapper = new SourceMapper(units, settings);
        List<Contributions.Item> items = jdbi.withExtension(ContributionDao.class, d -> d.since(now.minusDays(89)));
        Map<String, int[]> counts = new HashMap<>();
        int mapped = 0;
        int unmapped = 0;
        int noSource = 0;
        for (Contributions.Item item : items) {
            if (item.date().isAfter(now)) {
                continue;
            }
            if (item.rawSource() == null) {
                noSource++;
                continue;
            }
            Optional<String> unit = mapper.map(item.rawSource());
            if (unit.isEmpty()) {
                unmapped++;
                continue;
            }
            mapped++;
            int[] c = counts.computeIfAbsent(unit.get(), u -> new int[2]);
            c[1]++;
            if (!item.date().isBefore(now.minusDays(29))) {
                c[0]++;
            }
        }
        return new Contributions.Summary(now, mapped + unmapped + noSource, mapped, unmapped, noSource,
                ranked(units, counts));
    }

    static List<Contributions.UnitCount> ranked(List<Unit> units, Map<String, int[]> counts) {
        List<Contributions.UnitCount> out = new ArrayList<>();
        for (PeerGroup g : PeerGroup.values()) {
            List<Unit> peers = units.stream().filter(u -> u.peerGroup() == g).toList();
            for (Unit u : peers) {
                int[] c = counts.getOrDefault(u.code(), new int[2]);
                int rank30 = 1 + (int) peers.stream().filter(p -> counts.getOrDefault(p.code(), new int[2])[0] > c[0])
                        .count();
                int rank90 = 1 + (int) peers.stream().filter(p -> counts.getOrDefault(p.code(), new int[2])[1] > c[1])
                        .count();
                out.add(new Contributions.UnitCount(u.code(), u.name(), g, c[0], c[1], rank30, rank90));
            }
        }
        out.sort(Comparator.comparing(Contributions.UnitCount::peerGroup)
                .thenComparing(Contributions.UnitCount::rank90).thenComparing(Contributions.UnitCount::code));
        return out;
    }

    /** Sources that match no unit, most frequent first, with a few example article URLs. */
    public List<Contributions.UnmappedSource> unmapped() {
        List<Unit> units = jdbi.withExtension(UnitDao.class, UnitDao::findAll);
        SourceMapper mapper = new SourceMapper(units, settings);
        Map<String, List<Contributions.Item>> bySource = new LinkedHashMap<>();
        for (Contributions.Item item : jdbi.withExtension(ContributionDao.class, ContributionDao::withSource)) {
            if (mapper.map(item.rawSource()).isEmpty()) {
                bySource.computeIfAbsent(item.rawSource().strip(), s -> new ArrayList<>()).add(item);
            }
        }
        List<Contributions.UnmappedSource> out = new ArrayList<>();
        bySource.forEach((source, items) -> out.add(new Contributions.UnmappedSource(source, items.size(),
                items.get(0).date(), items.stream().limit(EXAMPLE_URLS).map(Contributions.Item::url).toList())));
        out.sort(Comparator.comparingInt(Contributions.UnmappedSource::items).reversed()
                .thenComparing(Contributions.UnmappedSource::source));
        return out;
    }

    /** Makes an unmapped source an alias of the unit, so its articles (past and future) count for it. */
    public Unit assign(String source, String unitCode) {
        String alias = source == null ? "" : source.strip();
        if (unitCode == null || unitCode.isBlank()) {
            throw new ValidationException(List.of(FieldError.of("unitCode", Messages.get("error.field.required"))));
        }
        return jdbi.inTransaction(h -> {
            UnitDao units = h.attach(UnitDao.class);
            Unit unit = units.find(unitCode.strip()).orElseThrow(() -> new ValidationException(
                    List.of(FieldError.of("unitCode", Messages.get("error.registry.unitMissing", unitCode.strip())))));
            boolean listed = unmappedSources(h.attach(UnitDao.class).findAll(), h.attach(ContributionDao.class))
                    .contains(alias);
            if (!listed) {
                throw new NotFoundException(Messages.get("error.contribution.sourceNotFound", alias));
            }
            if (alias.length() > 100) {
                throw new ValidationException(List.of(FieldError.of("source",
                        Messages.get("error.contribution.sourceTooLong"))));
            }
            h.attach(ContributionDao.class).addAlias(unit.code(), alias);
            return units.find(unit.code()).orElseThrow();
        });
    }

    private Set<String> unmappedSources(List<Unit> units, ContributionDao dao) {
        SourceMapper mapper = new SourceMapper(units, settings);
        Set<String> out = new java.util.HashSet<>();
        dao.withSource().forEach(i -> {
            if (mapper.map(i.rawSource()).isEmpty()) {
                out.add(i.rawSource().strip());
            }
        });
        return out;
    }

    private void addEntries(Map<String, ListEntry> candidates, Document doc, LocalDate now, String host) {
        for (ListEntry e : lists.analyze(doc, null, now).entries()) {
            if (e.url() != null && host.equals(host(e.url()))) {
                candidates.putIfAbsent(e.url(), e);
            }
        }
    }

    private boolean isSection(String text) {
        if (text == null || text.isBlank() || text.length() > 12) {
            return false;
        }
        return settings.getSectionKeywords().stream().anyMatch(text::contains);
    }

    private Optional<Document> page(String url, List<String> errors) {
        FetchResult r = fetcher.get(URI.create(url));
        if (!r.ok() || r.body() == null) {
            errors.add(url + ": " + (r.error() == null ? "无内容" : r.error()) + (r.errorDetail() == null ? ""
                    : " " + r.errorDetail()));
            return Optional.empty();
        }
        String html = decoder.decode(r.body(), r.contentType()).html();
        return Optional.of(Jsoup.parse(html, r.finalUrl() == null ? url : r.finalUrl()));
    }

    private static LocalDate articleDate(Document article, DateExtractor dates) {
        for (String line : SourceExtractor.lines(article)) {
            if (line.length() <= 120 && (line.contains("发布") || line.contains("日期") || line.contains("时间")
                    || line.contains("来源"))) {
                Optional<LocalDate> d = dates.newestFullDateIn(line);
                if (d.isPresent()) {
                    return d.get();
                }
            }
        }
        return null;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
