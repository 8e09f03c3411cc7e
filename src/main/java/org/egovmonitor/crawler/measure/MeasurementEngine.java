package org.egovmonitor.crawler.measure;

import org.egovmonitor.core.DaemonThreads;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.crawler.check.LinkCheckReport;
import org.egovmonitor.crawler.check.LinkCheckResult;
import org.egovmonitor.crawler.check.LinkChecker;
import org.egovmonitor.crawler.classify.ClassifiedSection;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionClassifier;
import org.egovmonitor.crawler.classify.SectionDecision;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.crawler.measure.SiteMeasurement.BrokenLink;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.LinkCheck;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.DecodedPage;
import org.egovmonitor.crawler.parse.EntryPageFinder;
import org.egovmonitor.crawler.parse.HomepageAnalyzer;
import org.egovmonitor.crawler.parse.HomepageSummary;
import org.egovmonitor.crawler.parse.LinkExtractor;
import org.egovmonitor.crawler.parse.ListEntry;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.ListPageSummary;
import org.egovmonitor.crawler.parse.MessageEntry;
import org.egovmonitor.crawler.parse.MessageListReader;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.crawler.parse.SubColumnFinder;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site measurement engine: fetch → decode → extract links → classify sections → read each section's first list
 * page → homepage freshness → check the homepage's links. One {@link #measure} call is one site; {@link #measureAll}
 * measures many sites in parallel. Thread-safe.
 *
 * <h2>What is fetched</h2>
 * The homepage, then the first list page of each classified section (at most one per family, so a site costs at
 * most {@code 1 + families} GETs, further capped by {@code maxPagesPerSite}). Nothing deeper is crawled, with one
 * bounded exception: on an interactive section (信箱, 留言; {@code messages.families} in sections.yml), the pages of
 * messages whose list shows neither their state nor, when answered, the reply date are read — at most
 * {@code maxMessagePagesPerSection} per section, same host only, within what {@code maxPagesPerSite} leaves, in list
 * order, recorded as MESSAGE fetches; a page that fails leaves its message as the list showed it. A calendar or an
 * endless query-string trap on the homepage is at worst a set of links to <em>check</em>, and link checks are capped
 * by {@code maxLinkChecksPerSite}. Section URLs are normalised ({@link UrlNormalizer}) and fetched once.
 *
 * <h2>Entry pages</h2>
 * A homepage that only leads to the real one — a meta refresh, a script redirect, a frameset, one big iframe, a
 * splash page with a 进入首页 link ({@link EntryPageFinder}, words in {@code entryPages:} of sections.yml) — is
 * followed, at most {@value #MAX_ENTRY_HOPS} hops, never back to a page already seen, within the site's registered
 * domain; each hop is an ENTRY fetch, and the page reached is measured as the homepage (by {@code measure --explain}
 * too). The other frames of a frameset (at most {@value #MAX_OTHER_FRAMES}, e.g. a top navigation frame) are read
 * for their links, which count as the homepage's with placement FRAME. A hop to another site is not followed but
 * recorded as an EXTERNAL_REDIRECT error; a hop that fails leaves the page already read as the homepage.
 *
 * <h2>Parallelism</h2>
 * A site's section pages are fetched by up to {@code perHostConcurrency} workers (the fetcher enforces the per-host
 * limit and delay as well); {@link #measureAll} runs up to {@code concurrency} sites at once; the fetcher's
 * {@code globalConcurrency} bounds connections across all of them. Every thread the engine starts is a daemon, and
 * {@link #close()} stops them.
 *
 * <h2>Link checks</h2>
 * Each distinct homepage link (internal or external, hidden ones included: a visitor's browser or a search engine
 * follows them too) is checked once. A link the engine already fetched with a GET in this measurement (the homepage,
 * a section page) is judged by that response instead of being requested again. Of the others at most
 * {@code maxLinkChecksPerSite} are requested: a {@link LinkSample} in stable hash order, whose size the measurement
 * reports ({@link SiteMeasurement#linkSample()}).
 *
 * <h2>Memory</h2>
 * A fetched body and its decoded text are dropped once parsed (a site's section pages stay parsed until its column
 * tree is read), the list analysers read a page's groups one at a time and keep none, and {@link #measureEach} keeps
 * no result: one page of 5 MB, 100,000 links or 20,000 levels of nesting is measured in a 128 MB heap
 * (docs/benchmarks.md, "One huge page").
 */
public final class MeasurementEngine implements SiteMeasurer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeasurementEngine.class);

    static final String HOMEPAGE = "HOMEPAGE";
    static final String SECTION = "SECTION";
    static final String MESSAGE = "MESSAGE";
    /** A hop from a splash, frameset, wrapper or redirect page to the real homepage, or another frame of it. */
    static final String ENTRY = "ENTRY";

    /** Entry pages followed in a row before the page reached is taken as the homepage. */
    static final int MAX_ENTRY_HOPS = 3;

    /** Other frames of a frameset homepage whose links are read (a top navigation frame, a left menu). */
    static final int MAX_OTHER_FRAMES = 3;

    static final String SUBCOLUMN = "SUBCOLUMN";

    /** The 政府信息公开 platform's family: its column list is followed one level down like a column index. */
    static final String OPEN_GOV = "open_gov";

    /** At most this many sub-columns of one section are read. */
    static final int MAX_SUBCOLUMNS_PER_SECTION = 12;

    /** An undated homepage list naming at least this many families exactly is a menu, not content. */
    static final int MENU_FAMILIES = 3;

    private final PageFetcher fetcher;
    private final boolean ownsFetcher;
    private final SectionCatalog catalog;
    private final int maxPagesPerSite;
    private final int sectionParallelism;
    private final int maxLinkChecks;
    private final LinkChecker linkChecker;
    private final PageDecoder decoder = new PageDecoder();
    private final LinkExtractor linkExtractor = new LinkExtractor();
    private final SectionClassifier classifier;
    private final ListPageAnalyzer listAnalyzer;
    private final Set<String> interactiveFamilies;
    private final MessageListReader messageReader;
    private final int maxMessagePages;
    private final HomepageAnalyzer homepageAnalyzer;
    private final EntryPageFinder entryFinder;
    private final SubColumnFinder subColumnFinder;
    private final ExecutorService sectionPool = Executors.newCachedThreadPool(DaemonThreads.named("egov-measure-section"));

    /** An engine with its own {@link HttpPageFetcher}, closed with the engine. */
    public MeasurementEngine(CrawlSettings settings, SectionCatalog catalog) {
        this(new HttpPageFetcher(settings.fetch()), true, settings, catalog);
    }

    /** An engine with its own fetcher whose per-host politeness is shared through {@code gates}. */
    public MeasurementEngine(CrawlSettings settings, HostGates gates, SectionCatalog catalog) {
        this(new HttpPageFetcher(settings.fetch(), gates), true, settings, catalog);
    }

    /**
     * An engine over a caller's fetcher (shared with other work, e.g. the availability probe, so politeness and
     * robots.txt caching span both); the caller closes it.
     */
    public MeasurementEngine(PageFetcher fetcher, CrawlSettings settings, SectionCatalog catalog) {
        this(fetcher, false, settings, catalog);
    }

    private MeasurementEngine(PageFetcher fetcher, boolean ownsFetcher, CrawlSettings settings,
                              SectionCatalog catalog) {
        CrawlLimits limits = settings.limits();
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.ownsFetcher = ownsFetcher;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.maxPagesPerSite = limits.maxPagesPerSite();
        this.sectionParallelism = settings.fetch().perHostConcurrency();
        this.maxLinkChecks = limits.maxLinkChecksPerSite();
        this.linkChecker = new LinkChecker(fetcher, limits.linkCheckConcurrency());
        this.classifier = new SectionClassifier(catalog);
        this.listAnalyzer = new ListPageAnalyzer(catalog.blankPlaceholders(), catalog.listVocabulary());
        this.homepageAnalyzer = new HomepageAnalyzer(catalog.listVocabulary());
        this.subColumnFinder = new SubColumnFinder(MAX_SUBCOLUMNS_PER_SECTION, catalog.subColumnWords());
        this.interactiveFamilies = Set.copyOf(catalog.interactiveFamilies());
        this.messageReader = new MessageListReader(catalog.messageVocabulary(), limits.maxMessagesPerSection());
        this.maxMessagePages = limits.maxMessagePagesPerSection();
        this.entryFinder = new EntryPageFinder(catalog.entryPageWords());
    }

    /** A site to measure and the kind it is judged as. */
    public record Target(URI url, SiteKind kind) {
        public Target {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Measures many sites, {@code concurrency} at a time. Results come back in the order of {@code targets};
     * {@code onDone} (may be null) is called from worker threads as each site finishes, e.g. for progress. Every
     * result is kept until the last site is done: for long lists use {@link #measureEach}.
     */
    public List<SiteMeasurement> measureAll(List<Target> targets, LocalDate now, int concurrency,
                                            Consumer<SiteMeasurement> onDone) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService sites = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()),
                DaemonThreads.named("egov-measure-site"));
        try {
            List<Future<SiteMeasurement>> futures = new ArrayList<>(targets.size());
            for (Target t : targets) {
                futures.add(sites.submit(() -> {
                    SiteMeasurement m = measure(t.url(), t.kind(), now);
                    if (onDone != null) {
                        onDone.accept(m);
                    }
                    return m;
                }));
            }
            List<SiteMeasurement> out = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                out.add(await(futures.get(i), targets.get(i), now));
            }
            return out;
        } finally {
            sites.shutdownNow();
        }
    }

    /**
     * Measures many sites, {@code concurrency} at a time, and hands each result to {@code onDone} (with its index in
     * {@code targets}) from the worker that measured it, keeping none: the caller's heap stays flat in the number of
     * sites (a 14,000-site list costs its targets, not 14,000 measurements). Returns when every site is done; on
     * interruption, after the sites already started.
     */
    public void measureEach(List<Target> targets, LocalDate now, int concurrency,
                            java.util.function.BiConsumer<Integer, SiteMeasurement> onDone) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        Objects.requireNonNull(onDone, "onDone");
        int workers = Math.min(concurrency, targets.size());
        if (workers == 0) {
            return;
        }
        ExecutorService sites = Executors.newFixedThreadPool(workers, DaemonThreads.named("egov-measure-site"));
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                running.add(sites.submit(() -> {
                    for (int i = next.getAndIncrement(); i < targets.size() && !Thread.currentThread().isInterrupted();
                         i = next.getAndIncrement()) {
                        Target t = targets.get(i);
                        onDone.accept(i, measure(t.url(), t.kind(), now));
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.warn("a measuring worker failed unexpectedly", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sites.shutdownNow();
        }
    }

    @Override
    public SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
        try {
            return new Run(siteRoot, kind, now).measure();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The parts never throw for hostile input; if one does, the site still gets a result and we get a log.
            LOG.warn("measuring {} failed unexpectedly", siteRoot, e);
            return failed(String.valueOf(siteRoot), kind, now, FetchErrorKind.IO_ERROR.name());
        }
    }

    /**
     * Reads a site's homepage as {@link #measure} does and says what became of every link: which sections were
     * recognised and by which rule, and why each other link was left out ({@code measure --explain}). Only the
     * homepage (and what it redirects to) is fetched.
     */
    public SectionExplanation explain(URI siteRoot, SiteKind kind, LocalDate now) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
        return new Run(siteRoot, kind, now).explain();
    }

    @Override
    public void close() {
        sectionPool.shutdownNow();
        if (ownsFetcher) {
            fetcher.close();
        }
        try {
            sectionPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- one site

    /** The state of one site's measurement; confined to the calling thread except the section fetches. */
    private final class Run {
        private final String rootUrl;
        private final URI root;
        private final SiteKind kind;
        private final LocalDate now;
        private final List<Fetch> fetches = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, FetchResult> fetched = Collections.synchronizedMap(new HashMap<>());
        /** What the homepage chain showed beyond its fetches (a redirect to another site). */
        private final List<CrawlError> findings = new ArrayList<>();
        /** The homepage's own freshness, read in the same pass as its content lists ({@link #contentListItems}). */
        private HomepageSummary homepageSummary;

        Run(URI root, SiteKind kind, LocalDate now) {
            this.root = root;
            this.rootUrl = String.valueOf(root);
            this.kind = kind;
            this.now = now;
        }

        /**
         * The homepage as fetched (without its body) and, when it was whole HTML, its charset and the page parsed with
         * its links.
         */
        private record OpenedHomepage(FetchResult result, String charset, Document doc, List<PageLink> links,
                                      Set<String> hosts) {
        }

        private OpenedHomepage openHomepage() {
            OpenedHomepage opened = open(root, HOMEPAGE);
            if (opened.doc() == null) {
                return opened;
            }
            Set<String> hosts = new LinkedHashSet<>();
            addHost(hosts, rootUrl);
            addHost(hosts, opened.result().finalUrl());
            // A splash, frameset, wrapper or redirect page is followed to the real homepage, which is what is measured.
            Set<String> seen = new HashSet<>();
            UrlNormalizer.normalize(rootUrl).ifPresent(seen::add);
            UrlNormalizer.normalize(opened.result().finalUrl()).ifPresent(seen::add);
            List<PageLink> frameLinks = new ArrayList<>();
            int framesRead = 0;
            for (int hop = 0; hop < MAX_ENTRY_HOPS; hop++) {
                EntryPageFinder.Entry entry = entryFinder.find(opened.doc(), opened.links()).orElse(null);
                URI next = entry == null ? null : toUri(entry.url());
                if (next == null) {
                    break;
                }
                if (!EntryPageFinder.sameSite(opened.result().finalUrl(), entry.url())) {
                    LOG.info("{}: the homepage leads to another site ({} {}), not followed", rootUrl, entry.kind(),
                            entry.url());
                    findings.add(new CrawlError(entry.url(), FetchErrorKind.EXTERNAL_REDIRECT.name()));
                    break;
                }
                if (!seen.add(entry.url())) {
                    break; // A → B → A: the page we have is the homepage
                }
                OpenedHomepage real = open(next, ENTRY);
                if (real.doc() == null) {
                    break; // the failed hop is recorded; the page we have is measured
                }
                UrlNormalizer.normalize(real.result().finalUrl()).ifPresent(seen::add);
                addHost(hosts, real.result().finalUrl());
                for (String frame : entry.otherFrames()) {
                    URI frameUri = toUri(frame);
                    if (frameUri != null && framesRead < MAX_OTHER_FRAMES
                            && EntryPageFinder.sameSite(real.result().finalUrl(), frame) && seen.add(frame)) {
                        framesRead++;
                        open(frameUri, ENTRY).links().forEach(l -> frameLinks.add(new PageLink(l.text(), l.url(),
                                l.hidden(), l.context(), l.source(), PageLink.Placement.FRAME)));
                    }
                }
                opened = real;
            }
            List<PageLink> links = opened.links();
            if (!frameLinks.isEmpty()) {
                links = new ArrayList<>(links);
                links.addAll(frameLinks);
            }
            return new OpenedHomepage(opened.result(), opened.charset(), opened.doc(), List.copyOf(links), hosts);
        }

        /** GETs one page of the homepage chain, records it under {@code purpose}, parses it when it is whole HTML. */
        private OpenedHomepage open(URI url, String purpose) {
            FetchResult r = fetcher.get(url);
            remember(withoutBody(r));
            if (!r.ok() || r.body() == null) {
                record(r, purpose, null);
                return new OpenedHomepage(r, null, null, List.of(), Set.of());
            }
            Parsed parsed = parse(r, purpose);
            return new OpenedHomepage(parsed.result(), parsed.charset(), parsed.doc(),
                    linkExtractor.extract(parsed.doc()), Set.of());
        }

        /** What becomes of every homepage link: a content list's entry, or the classifier's decision. */
        private List<SectionDecision> decide(OpenedHomepage opened) {
            Set<String> items = contentListItems(opened.doc(), opened.links());
            List<PageLink> candidates = opened.links().stream().filter(l -> !items.contains(l.url())).toList();
            Map<PageLink, SectionDecision> byLink = new IdentityHashMap<>();
            for (SectionDecision d : classifier.decide(candidates, opened.hosts())) {
                byLink.put(d.link(), d);
            }
            List<SectionDecision> all = new ArrayList<>(opened.links().size());
            for (PageLink l : opened.links()) {
                SectionDecision d = byLink.get(l);
                all.add(d != null ? d : SectionDecision.contentItem(l));
            }
            return all;
        }

        SectionExplanation explain() {
            OpenedHomepage opened = openHomepage();
            FetchResult home = opened.result();
            return new SectionExplanation(rootUrl, home.finalUrl(), home.status(),
                    opened.charset(),
                    home.error() == null ? null : home.error().name(),
                    opened.doc() == null ? List.of() : decide(opened), List.copyOf(fetches),
                    opened.doc() == null ? null : linkSample(planChecks(opened.links())));
        }

        SiteMeasurement measure() {
            OpenedHomepage opened = openHomepage();
            FetchResult home = opened.result();
            if (opened.doc() == null) {
                FetchErrorKind kindOfError = home.error() != null ? home.error() : FetchErrorKind.NOT_HTML;
                return new SiteMeasurement(rootUrl, home.status() > 0 ? home.finalUrl() : null, kind.name(), false,
                        home.status(), home.responseMs(), null, kindOfError.name(),
                        new Homepage(null, 0, true, List.of()), List.of(), List.of(), List.of(), fetches.size(),
                        List.of(new CrawlError(home.url(), kindOfError.name())), null, now, fetches, List.of(), 0);
            }
            Document doc = opened.doc();
            List<PageLink> links = opened.links();
            Set<String> hosts = opened.hosts();
            List<ClassifiedSection> classified = SectionClassifier.sections(decide(opened));
            // Entry hops (splash, frameset, redirect pages) spent part of the site's page budget already.
            int budget = Math.max(0, maxPagesPerSite - fetches.size());
            if (classified.size() > budget) {
                LOG.info("{}: {} sections, {} fetched (maxPagesPerSite {})", rootUrl, classified.size(), budget,
                        maxPagesPerSite);
            }

            Set<String> navUrls = new LinkedHashSet<>();
            classified.forEach(s -> navUrls.add(s.url()));
            UrlNormalizer.normalize(rootUrl).ifPresent(navUrls::add);
            UrlNormalizer.normalize(home.finalUrl()).ifPresent(navUrls::add);

            List<FetchedPage> pages = fetchSections(classified, budget);
            List<SectionRead> reads = new ArrayList<>(classified.size());
            for (int i = 0; i < classified.size(); i++) {
                reads.add(readSection(classified.get(i), i < pages.size() ? pages.get(i) : null, navUrls));
            }
            readMessagePages(reads, hosts, Math.max(0, maxPagesPerSite - fetches.size()));
            List<Section> sections = columnTree(classified, pages,
                    reads.stream().map(SectionRead::section).toList(), navUrls, hosts);

            HomepageSummary summary = homepageSummary; // read by decide(), with the content lists
            Homepage homepage = summary.navOnly() ? secondLevel(sections) : new Homepage(summary.newestDate(),
                    summary.datedItems(), false, summary.datedEntries().stream().map(MeasurementEngine::entry)
                    .toList());

            LinkChecks checks = checkLinks(links);
            List<CrawlError> errors = new ArrayList<>(findings);
            synchronized (fetches) {
                for (Fetch f : fetches) {
                    if (f.errorKind() != null) {
                        errors.add(new CrawlError(f.url(), f.errorKind()));
                    }
                }
            }
            return new SiteMeasurement(rootUrl, home.finalUrl(), kind.name(), true, home.status(),
                    home.responseMs(), opened.charset(), null, homepage, sections,
                    classifier.missingFamilies(classified, kind), checks.broken, fetches.size(), errors,
                    summary.contentHash(), now, List.copyOf(fetches), checks.all, checks.notChecked);
        }

        /**
         * Links that are entries of the homepage's content lists: a headline (关于招商引资的咨询) or an article of a
         * 概况 block (历史沿革) is an item, not a column of the site. An undated list whose entries name three or more
         * different families exactly is a menu, though, and stays; so is a small site's short navigation bar, where
         * two or more different families make up at least half the entries (e.g. 首页 · 在线办事 · 概况信息). A 概况
         * block's items all name the one family of its heading, so it never passes for a menu. A row of nothing but
         * links (a small site's table navigation, 首页 | 政务公开) is no entry at all (see
         * {@link HomepageAnalyzer#contentLists}), however few its links. A URL also linked from outside the content
         * lists (the navigation, a block heading) is kept: list detection may take a block's heading row for an
         * entry, the navigation link to the same page is what counts.
         */
        private Set<String> contentListItems(Document doc, List<PageLink> links) {
            Map<String, Integer> inLists = new HashMap<>();
            homepageSummary = homepageAnalyzer.analyze(doc, now, list -> {
                boolean dated = list.stream().anyMatch(e -> e.date() != null);
                long families = list.stream().map(e -> classifier.exactFamilyOf(e.title()))
                        .flatMap(java.util.Optional::stream).distinct().count();
                long columns = list.stream().filter(e -> SubColumnFinder.isColumnLink(e.title(), e.url())).count();
                boolean menu = !dated && (families >= MENU_FAMILIES || (families >= 2 && families * 2 >= list.size())
                        || columns * 2 > list.size());
                if (!menu) {
                    // Nested groups may list the same link twice: count its largest number within one list.
                    Map<String, Integer> inThis = new HashMap<>();
                    list.stream().map(ListEntry::url).filter(Objects::nonNull)
                            .forEach(u -> inThis.merge(u, 1, Integer::sum));
                    inThis.forEach((u, n) -> inLists.merge(u, n, Math::max));
                }
            });
            Map<String, Integer> onPage = new HashMap<>();
            for (PageLink l : links) {
                if (inLists.containsKey(l.url())) {
                    onPage.merge(l.url(), 1, Integer::sum);
                }
            }
            Set<String> items = new java.util.HashSet<>();
            inLists.forEach((url, n) -> {
                if (onPage.getOrDefault(url, 0) <= n) {
                    items.add(url);
                }
            });
            return items;
        }

        /** Fetches the first list page of the first {@code budget} sections, a few at a time. */
        private List<FetchedPage> fetchSections(List<ClassifiedSection> classified, int budget) {
            List<ClassifiedSection> todo = classified.subList(0, Math.min(budget, classified.size()));
            List<FetchedPage> pages = inParallel(todo, s -> fetchPage(URI.create(s.url()), SECTION));
            List<FetchedPage> out = new ArrayList<>(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                out.add(pages.get(i) != null ? pages.get(i) : new FetchedPage(unexpected(todo.get(i).url()), null));
            }
            return out;
        }

        /** {@code work} on each of {@code todo}, a few at a time; null where it failed unexpectedly. */
        private <T, R> List<R> inParallel(List<T> todo, Function<T, R> work) {
            List<R> results = new ArrayList<>(Collections.nCopies(todo.size(), null));
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
                    R r = work.apply(todo.get(i));
                    synchronized (results) {
                        results.set(i, r);
                    }
                }
            };
            int workers = Math.min(sectionParallelism, todo.size());
            List<Future<?>> running = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                running.add(sectionPool.submit(worker));
            }
            worker.run();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    LOG.warn("a fetch of {} failed unexpectedly", rootUrl, e.getCause());
                }
            }
            synchronized (results) {
                return new ArrayList<>(results);
            }
        }

        /** GETs one page of the site, records it under {@code purpose} and parses it when it is whole HTML. */
        private FetchedPage fetchPage(URI url, String purpose) {
            FetchResult r = fetcher.get(url);
            remember(withoutBody(r));
            if (!r.ok() || r.body() == null) {
                record(r, purpose, null);
                return new FetchedPage(r, null);
            }
            Parsed parsed = parse(r, purpose);
            return new FetchedPage(parsed.result(), parsed.doc());
        }

        private SectionRead readSection(ClassifiedSection s, FetchedPage page, Set<String> navUrls) {
            if (page == null || page.document() == null) {
                int status = page == null ? 0 : page.result().status();
                return new SectionRead(new Section(s.family(), s.title(), s.url(), status, null, 0, 0, false,
                        List.of()), List.of());
            }
            Integer window = catalog.family(s.family()).map(SectionFamily::windowDays).orElse(null);
            ListPageAnalyzer.MainList main = listAnalyzer.mainList(page.document(), now, navUrls);
            ListPageSummary list = ListPageAnalyzer.summarise(main, window, now);
            Section section = new Section(s.family(), s.title(), s.url(), page.result().status(), list.newestDate(),
                    list.items(), window == null ? 0 : list.itemsInWindow(), list.blank(),
                    list.entries().stream().map(MeasurementEngine::entry).toList());
            return new SectionRead(section, interactiveFamilies.contains(s.family())
                    ? messageReader.read(main, now) : List.of());
        }

        /**
         * The column tree one level down: on each section page that is a column index (or the 政府信息公开 platform),
         * its sub-columns ({@link SubColumnFinder}) are read as lists of their own, judged against the section's family
         * window, within what {@code maxPagesPerSite} leaves (in homepage order, then page order; what is left out
         * is counted in {@link Section#childrenNotFetched}). A sub-column is read once per site, under the first
         * section that lists it; the homepage's sections are never sub-columns. An index section's newest date is
         * the newest of its own list and its children's; its own list is read again without its sub-column links.
         */
        private List<Section> columnTree(List<ClassifiedSection> classified, List<FetchedPage> pages,
                                         List<Section> sections, Set<String> navUrls, Set<String> hosts) {
            Set<String> taken = new HashSet<>(navUrls);
            List<List<SubColumnFinder.SubColumn>> found = new ArrayList<>(sections.size());
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                Document doc = i < pages.size() ? pages.get(i).document() : null;
                if (doc == null || interactiveFamilies.contains(s.family())) {
                    found.add(List.of());
                    continue;
                }
                Set<String> itemUrls = new HashSet<>();
                s.entries().stream().filter(e -> e.date() != null && e.url() != null)
                        .forEach(e -> itemUrls.add(e.url()));
                List<SubColumnFinder.SubColumn> subs = subColumnFinder.find(doc, s.url(), hosts, taken, itemUrls,
                        OPEN_GOV.equals(s.family())).stream().filter(c -> taken.add(c.url())).toList();
                found.add(subs);
            }
            int left = Math.max(0, maxPagesPerSite - fetches.size());
            List<SubColumnFinder.SubColumn> todo = new ArrayList<>();
            found.forEach(todo::addAll);
            if (todo.size() > left) {
                LOG.info("{}: {} sub-columns, {} fetched (maxPagesPerSite {})", rootUrl, todo.size(), left,
                        maxPagesPerSite);
                todo = todo.subList(0, left);
            }
            List<FetchedPage> childPages = inParallel(todo, c -> fetchPage(URI.create(c.url()), SUBCOLUMN));
            List<Section> out = new ArrayList<>(sections.size());
            int next = 0;
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                List<SubColumnFinder.SubColumn> subs = found.get(i);
                if (subs.isEmpty()) {
                    out.add(s);
                    continue;
                }
                Integer window = catalog.family(s.family()).map(SectionFamily::windowDays).orElse(null);
                Set<String> childNav = new HashSet<>(navUrls);
                subs.forEach(c -> childNav.add(c.url()));
                List<SiteMeasurement.Child> children = new ArrayList<>();
                int notFetched = 0;
                for (SubColumnFinder.SubColumn c : subs) {
                    if (next >= todo.size()) {
                        notFetched++;
                        continue;
                    }
                    children.add(readChild(c, childPages.get(next++), window, childNav));
                }
                out.add(withChildren(s, pages.get(i).document(), window, childNav, children, notFetched));
            }
            return out;
        }

        private SiteMeasurement.Child readChild(SubColumnFinder.SubColumn c, FetchedPage page, Integer window,
                                                Set<String> childNav) {
            if (page == null || page.document() == null) {
                return new SiteMeasurement.Child(c.title(), c.url(), page == null ? 0 : page.result().status(),
                        null, 0, 0, false);
            }
            ListPageSummary list = ListPageAnalyzer.summarise(
                    listAnalyzer.mainList(page.document(), now, childNav).entries(), window, now);
            return new SiteMeasurement.Child(c.title(), c.url(), page.result().status(), list.newestDate(),
                    list.items(), window == null ? 0 : list.itemsInWindow(), list.blank());
        }

        /** An index section: its own list read without its sub-column links, its freshness the newest of the tree. */
        private Section withChildren(Section s, Document page, Integer window, Set<String> childNav,
                                     List<SiteMeasurement.Child> children, int notFetched) {
            ListPageSummary own = ListPageAnalyzer.summarise(listAnalyzer.mainList(page, now, childNav).entries(),
                    window, now);
            LocalDate newest = own.newestDate();
            for (SiteMeasurement.Child c : children) {
                if (c.newestDate() != null && (newest == null || c.newestDate().isAfter(newest))) {
                    newest = c.newestDate();
                }
            }
            // Blank when nothing can be read through the column: its own list and every child read are empty.
            boolean blank = own.blank() && children.stream().allMatch(c -> c.items() == 0);
            return new Section(s.family(), s.title(), s.url(), s.status(), newest, own.items(),
                    window == null ? 0 : own.itemsInWindow(), blank,
                    own.entries().stream().map(MeasurementEngine::entry).toList(), s.messages(), children, notFetched);
        }

        /**
         * Reads the pages of messages whose list left their state or reply date open: per interactive section the
         * first {@code maxMessagePages} such pages on the site's own hosts, {@code left} pages in all. A page read
         * completes every listed message that links to it.
         */
        private void readMessagePages(List<SectionRead> reads, Set<String> hosts, int left) {
            List<URI> todo = new ArrayList<>();
            Set<String> chosen = new HashSet<>();
            for (SectionRead r : reads) {
                int taken = 0;
                for (MessageEntry m : r.messages) {
                    if (taken >= maxMessagePages || todo.size() >= left) {
                        break;
                    }
                    URI uri = m.wantsDetail() ? toUri(m.url()) : null;
                    String host = uri == null ? null : UrlNormalizer.host(m.url());
                    if (host != null && hosts.contains(host.toLowerCase(Locale.ROOT)) && chosen.add(m.url())) {
                        todo.add(uri);
                        taken++;
                    }
                }
            }
            if (todo.isEmpty()) {
                return;
            }
            // Each page is read as soon as it arrives and dropped: only its few facts are kept.
            List<MessageListReader.MessagePage> read = inParallel(todo, uri -> {
                Document doc = fetchPage(uri, MESSAGE).document();
                return doc == null ? null : messageReader.readPage(doc, now);
            });
            Map<String, MessageListReader.MessagePage> byUrl = new HashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                if (read.get(i) != null) {
                    byUrl.put(todo.get(i).toString(), read.get(i));
                }
            }
            for (SectionRead r : reads) {
                r.messages.replaceAll(m -> {
                    MessageListReader.MessagePage page = m.wantsDetail() ? byUrl.get(m.url()) : null;
                    return page == null ? m : MessageListReader.withPage(m, page);
                });
            }
        }

        /**
         * A navigation-only homepage is judged by its second level: the section list pages' dated entries, one per
         * distinct entry link (an entry without a usable link counts by its title). Letters and forum posts (the
         * interactive sections) are the public's, never the site's news.
         */
        private Homepage secondLevel(List<Section> sections) {
            Map<String, Entry> byLink = new LinkedHashMap<>();
            for (Section s : sections) {
                if (interactiveFamilies.contains(s.family())) {
                    continue;
                }
                for (Entry e : s.entries()) {
                    if (e.date() == null) {
                        continue;
                    }
                    String key = e.url() != null ? e.url() : "title:" + e.title();
                    Entry known = byLink.get(key);
                    if (known == null || e.date().isAfter(known.date())) {
                        byLink.put(key, e);
                    }
                }
            }
            LocalDate newest = byLink.values().stream().map(Entry::date).max(LocalDate::compareTo).orElse(null);
            return new Homepage(newest, byLink.size(), true, List.copyOf(byLink.values()));
        }

        /**
         * Checks the homepage's distinct links: those already fetched with a GET are judged by it and an unusable URL
         * is broken without a request (neither costs a check); of the rest, at most {@code maxLinkChecks} are requested,
         * chosen by {@link LinkSample#choose} (stable hash order) when there are more.
         */
        private LinkChecks checkLinks(List<PageLink> links) {
            LinkPlan plan = planChecks(links);
            Map<String, LinkCheck> checked = new HashMap<>();
            if (!plan.toCheck().isEmpty()) {
                LinkCheckReport report = linkChecker.check(plan.toCheck(), plan.toCheck().size());
                for (int i = 0; i < report.results().size(); i++) {
                    LinkCheckResult r = report.results().get(i);
                    checked.put(plan.toCheck().get(i).toString(), new LinkCheck(r.url(), r.status(), r.error(),
                            r.broken()));
                }
            }
            List<LinkCheck> all = new ArrayList<>();
            List<BrokenLink> broken = new ArrayList<>();
            for (String url : plan.distinct()) {
                LinkCheck c = plan.known().get(url);
                if (c == null) {
                    URI uri = toUri(url);
                    c = uri == null ? null : checked.get(uri.toString());
                }
                if (c == null) {
                    continue;
                }
                all.add(c);
                if (c.broken()) {
                    broken.add(new BrokenLink(url, c.status() > 0 ? c.status() : null, c.error()));
                }
            }
            int notChecked = plan.distinct().size() - plan.known().size() - plan.toCheck().size();
            if (notChecked > 0) {
                LOG.info("{}: {} distinct homepage links, {} checked as a sample (maxLinkChecksPerSite {})", rootUrl,
                        plan.distinct().size(), plan.known().size() + plan.toCheck().size(), maxLinkChecks);
            }
            return new LinkChecks(all, broken, notChecked);
        }

        private static LinkSample linkSample(LinkPlan plan) {
            return new LinkSample(plan.distinct().size(), plan.known().size() + plan.toCheck().size());
        }

        /** Which links {@link #checkLinks} judges without a request, and which it requests. */
        private LinkPlan planChecks(List<PageLink> links) {
            Set<String> distinct = new LinkedHashSet<>();
            for (PageLink l : links) {
                distinct.add(l.url());
            }
            Map<String, LinkCheck> known = new HashMap<>();
            List<String> rest = new ArrayList<>();
            for (String url : distinct) {
                FetchResult got = fetched.get(url);
                if (got != null && judgedByGet(got)) {
                    known.put(url, verdict(url, got));
                } else if (toUri(url) == null) {
                    known.put(url, new LinkCheck(url, 0, FetchErrorKind.INVALID_URL.name(), true));
                } else {
                    rest.add(url);
                }
            }
            List<URI> toCheck = new ArrayList<>();
            for (String url : LinkSample.choose(rest, maxLinkChecks)) {
                toCheck.add(toUri(url));
            }
            return new LinkPlan(distinct, known, toCheck);
        }

        /**
         * Decodes and parses a whole HTML body, records the fetch, and keeps only the parsed page: the body and the
         * decoded text (together three times the page's size) become garbage here, not at the end of the site.
         */
        private Parsed parse(FetchResult r, String purpose) {
            DecodedPage page = decoder.decode(r.body(), r.contentType());
            record(r, purpose, page.charset());
            Document doc = Jsoup.parse(page.html(), r.finalUrl());
            return new Parsed(withoutBody(r), page.charset(), doc);
        }

        /** Keeps a GET's outcome (never its body) so a link to the same URL is judged by it, not fetched again. */
        private void remember(FetchResult r) {
            UrlNormalizer.normalize(r.url()).ifPresent(u -> fetched.putIfAbsent(u, r));
        }

        private void record(FetchResult r, String purpose, String charset) {
            fetches.add(new Fetch(r.url(), r.finalUrl(), purpose, r.status(), r.responseMs(), r.bytes(), charset,
                    r.error() == null ? null : r.error().name()));
        }
    }

    /** A GET (without its body), its charset and its parsed page. */
    private record Parsed(FetchResult result, String charset, Document document) {
        Document doc() {
            return document;
        }
    }

    /** A GET and, when it was whole HTML, its parsed page. */
    private record FetchedPage(FetchResult result, Document document) {
    }

    /** A section as its list page was read, and its messages as read so far (completed by their pages). */
    private static final class SectionRead {
        private final Section listed;
        private final List<MessageEntry> messages;

        SectionRead(Section listed, List<MessageEntry> messages) {
            this.listed = listed;
            this.messages = new ArrayList<>(messages);
        }

        /** The section with its messages; entries that show neither a date nor a state are no messages. */
        Section section() {
            List<Message> out = messages.stream().filter(MessageEntry::isMessage)
                    .map(m -> new Message(m.title(), m.url(), m.askedOn(), m.answeredOn(), m.state())).toList();
            return new Section(listed.family(), listed.title(), listed.url(), listed.status(), listed.newestDate(),
                    listed.items(), listed.itemsInWindow(), listed.blank(), listed.entries(), out);
        }
    }

    private record LinkChecks(List<LinkCheck> all, List<BrokenLink> broken, int notChecked) {
    }

    private record LinkPlan(Set<String> distinct, Map<String, LinkCheck> known, List<URI> toCheck) {
    }

    /**
     * A GET says as much about a link as a check would when it succeeded or failed for a reason a visitor would
     * meet too; a page refused only by our own page rules (not HTML, too large for us) is checked properly.
     */
    private static boolean judgedByGet(FetchResult r) {
        FetchErrorKind e = r.error();
        return e == null || e == FetchErrorKind.HTTP_ERROR || e == FetchErrorKind.CONNECT_REFUSED
                || e == FetchErrorKind.DNS_FAILURE || e == FetchErrorKind.BLOCKED_ADDRESS;
    }

    private static LinkCheck verdict(String url, FetchResult r) {
        FetchErrorKind e = r.error();
        boolean broken = (e != null && e != FetchErrorKind.ROBOTS_DISALLOWED) || r.status() >= 400;
        return new LinkCheck(url, r.status(), e == null ? null : e.name(), broken);
    }

    /** The fetch's facts without its body, which is kept nowhere once parsed. */
    private static FetchResult withoutBody(FetchResult r) {
        return r.body() == null ? r : new FetchResult(r.url(), r.finalUrl(), r.status(), r.responseMs(), r.bytes(),
                r.contentType(), null, r.error(), r.errorDetail(), r.redirects());
    }

    private static URI toUri(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void addHost(Set<String> hosts, String url) {
        String h = UrlNormalizer.host(url);
        if (h != null) {
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
    }

    private static Entry entry(ListEntry e) {
        return new Entry(e.title(), e.url(), e.date());
    }

    private static FetchResult unexpected(String url) {
        return new FetchResult(url, url, 0, 0, 0, null, null, FetchErrorKind.IO_ERROR, "not fetched", List.of());
    }

    private SiteMeasurement await(Future<SiteMeasurement> future, Target target, LocalDate now) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return failed(target.url().toString(), target.kind(), now, FetchErrorKind.IO_ERROR.name());
        } catch (ExecutionException e) {
            LOG.warn("measuring {} failed unexpectedly", target.url(), e.getCause());
            return failed(target.url().toString(), target.kind(), now, FetchErrorKind.IO_ERROR.name());
        }
    }

    private static SiteMeasurement failed(String url, SiteKind kind, LocalDate now, String errorKind) {
        return new SiteMeasurement(url, null, kind.name(), false, 0, 0, null, errorKind,
                new Homepage(null, 0, true, List.of()), List.of(), List.of(), List.of(), 0,
                List.of(new CrawlError(url, errorKind)), null, now, List.of(), List.of(), 0);
    }
}
