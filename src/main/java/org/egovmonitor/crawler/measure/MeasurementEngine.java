package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.egovmonitor.crawler.check.LinkChecker;
import org.egovmonitor.crawler.classify.ClassifiedSection;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionClassifier;
import org.egovmonitor.crawler.inspect.CheckInput;
import org.egovmonitor.crawler.inspect.CheckPage;
import org.egovmonitor.crawler.inspect.CheckPages;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.inspect.SiteContext;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.fetch.NetworkProbes;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.crawler.measure.SectionReader.SectionRead;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.EntryPageFinder;
import org.egovmonitor.crawler.parse.HomepageAnalyzer;
import org.egovmonitor.crawler.parse.ListEntry;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.MessageListReader;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.egovmonitor.platform.BoundedFanOut;
import org.egovmonitor.registry.SiteKind;
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
 * followed, at most {@value HomepageOpener#MAX_ENTRY_HOPS} hops, never back to a page already seen, within the site's registered
 * domain; each hop is an ENTRY fetch, and the page reached is measured as the homepage (by {@code measure --explain}
 * too). The other frames of a frameset (at most {@value HomepageOpener#MAX_OTHER_FRAMES}, e.g. a top navigation frame) are read
 * for their links, which count as the homepage's with placement FRAME. A hop to another site is not followed but
 * recorded as an EXTERNAL_REDIRECT error; a hop that fails leaves the page already read as the homepage.
 *
 * <h2>Parallelism</h2>
 * A site's section pages are fetched by up to {@code perHostConcurrency} workers (the fetcher enforces the per-host
 * limit and delay as well); {@link #measureAll} runs up to {@code concurrency} sites at once; the fetcher's
 * {@code globalConcurrency} bounds connections across all of them. Every thread the engine starts is a daemon of a
 * {@link BoundedFanOut} and lives only as long as the call that started it.
 *
 * <h2>Link checks</h2>
 * Each distinct homepage link (internal or external, hidden ones included: a visitor's browser or a search engine
 * follows them too) is checked once. A link the engine already fetched with a GET in this measurement (the homepage,
 * a section page) is judged by that response instead of being requested again. Of the others at most
 * {@code maxLinkChecksPerSite} are requested: a {@link LinkSample} in stable hash order, whose size the measurement
 * reports ({@link SiteMeasurement#linkSample()}).
 *
 * <h2>Steps</h2>
 * One site's measurement ({@link Run}) is a sequence of steps, each its own class over the site's {@link SiteFetches}:
 * {@link HomepageOpener} (the homepage and its entry pages), {@link HomepageReader} (what each homepage link is, the
 * homepage's freshness), {@link SectionReader} (each section's first list page), {@link MessagePageFollower} (the
 * pages of messages whose list left their state open), {@link ColumnTreeReader} (sub-columns one level down) and
 * {@link HomepageLinkChecker}.
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
    static final String SUBCOLUMN = "SUBCOLUMN";
    /** A page an inspection check asked for (a service guide, a sampled article, a soft-404 or search probe). */
    static final String CHECK = "CHECK";

    private final PageFetcher fetcher;
    private final boolean ownsFetcher;
    private final int maxPagesPerSite;
    /** 0: the homepage only; 1: and each section's first list page; 2: and sub-columns and message pages. */
    private final int maxDepth;
    private final PageDecoder decoder = new PageDecoder();
    private final SectionClassifier classifier;
    /** A site's section, message and sub-column pages, a few at a time. */
    private final BoundedFanOut sitePages;
    private final HomepageOpener homepageOpener;
    private final HomepageReader homepageReader;
    private final SectionReader sectionReader;
    private final MessagePageFollower messagePages;
    private final ColumnTreeReader columnTree;
    private final HomepageLinkChecker homepageLinks;
    private final SiteChecks checks;
    /** Where each fetched page's bytes go as they arrive (网页快照); NONE keeps nothing. */
    private final EvidenceSink evidence;

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
        this(fetcher, false, settings, catalog, SiteChecks.NONE, EvidenceSink.NONE);
    }

    /**
     * An engine that also runs the inspection checks ({@code crawlers/checks.yml}) on each reachable site, over a
     * caller's fetcher (closed by the caller) or, when {@code gates} is given instead, its own.
     */
    public static MeasurementEngine withChecks(CrawlSettings settings, HostGates gates, SectionCatalog catalog,
                                               SiteChecks checks) {
        return withChecks(settings, gates, catalog, checks, EvidenceSink.NONE);
    }

    /**
     * As {@link #withChecks(CrawlSettings, HostGates, SectionCatalog, SiteChecks)}, handing the bytes of every page
     * fetched to {@code evidence} as they arrive (the server's and crawl-now's snapshot store).
     */
    public static MeasurementEngine withChecks(CrawlSettings settings, HostGates gates, SectionCatalog catalog,
                                               SiteChecks checks, EvidenceSink evidence) {
        return new MeasurementEngine(gates == null ? new HttpPageFetcher(settings.fetch())
                : new HttpPageFetcher(settings.fetch(), gates), true, settings, catalog, checks, evidence);
    }

    /** An engine over a caller's fetcher that runs {@code checks} too. */
    public MeasurementEngine(PageFetcher fetcher, CrawlSettings settings, SectionCatalog catalog,
                             SiteChecks checks) {
        this(fetcher, false, settings, catalog, checks, EvidenceSink.NONE);
    }

    /** An engine over a caller's fetcher that runs {@code checks} and keeps page snapshots in {@code evidence}. */
    public MeasurementEngine(PageFetcher fetcher, CrawlSettings settings, SectionCatalog catalog,
                             SiteChecks checks, EvidenceSink evidence) {
        this(fetcher, false, settings, catalog, checks, evidence);
    }

    private MeasurementEngine(PageFetcher fetcher, boolean ownsFetcher, CrawlSettings settings,
                              SectionCatalog catalog) {
        this(fetcher, ownsFetcher, settings, catalog, SiteChecks.NONE, EvidenceSink.NONE);
    }

    private MeasurementEngine(PageFetcher fetcher, boolean ownsFetcher, CrawlSettings settings,
                              SectionCatalog catalog, SiteChecks checks, EvidenceSink evidence) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        CrawlLimits limits = settings.limits();
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.ownsFetcher = ownsFetcher;
        Objects.requireNonNull(catalog, "catalog");
        this.maxPagesPerSite = limits.maxPagesPerSite();
        this.maxDepth = limits.maxDepth();
        this.sitePages = new BoundedFanOut("egov-measure-section", Math.max(1, settings.fetch().perHostConcurrency()));
        this.classifier = new SectionClassifier(catalog);
        ListPageAnalyzer listAnalyzer = new ListPageAnalyzer(catalog.blankPlaceholders(), catalog.listVocabulary());
        Set<String> interactiveFamilies = Set.copyOf(catalog.interactiveFamilies());
        MessageListReader messageReader = new MessageListReader(catalog.messageVocabulary(),
                limits.maxMessagesPerSection());
        this.homepageOpener = new HomepageOpener(new EntryPageFinder(catalog.entryPageWords()));
        this.homepageReader = new HomepageReader(classifier, new HomepageAnalyzer(catalog.listVocabulary()),
                interactiveFamilies);
        this.sectionReader = new SectionReader(catalog, listAnalyzer, interactiveFamilies, messageReader);
        this.messagePages = new MessagePageFollower(messageReader, limits.maxMessagePagesPerSection());
        this.columnTree = new ColumnTreeReader(catalog, listAnalyzer, interactiveFamilies, maxPagesPerSite);
        this.homepageLinks = new HomepageLinkChecker(new LinkChecker(fetcher, limits.linkCheckConcurrency()),
                limits.maxLinkChecksPerSite());
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
        return new BoundedFanOut("egov-measure-site", concurrency).map(targets, t -> {
            SiteMeasurement m = measure(t.url(), t.kind(), now);
            if (onDone != null) {
                onDone.accept(m);
            }
            return m;
        }, (t, cause) -> {
            if (!(cause instanceof InterruptedException)) {
                LOG.warn("measuring {} failed unexpectedly", t.url(), cause);
            }
            return failed(t.url().toString(), t.kind(), now, FetchErrorKind.IO_ERROR.name());
        });
    }

    /**
     * Measures many sites, {@code concurrency} at a time, and hands each result to {@code onDone} (with its index in
     * {@code targets}) from the worker that measured it, keeping none: the caller's heap stays flat in the number of
     * sites (a 14,000-site list costs its targets, not 14,000 measurements). Returns when every site is done; on
     * interruption, at once, with no further site started.
     */
    public void measureEach(List<Target> targets, LocalDate now, int concurrency,
                            BiConsumer<Integer, SiteMeasurement> onDone) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        Objects.requireNonNull(onDone, "onDone");
        List<Integer> indices = IntStream.range(0, targets.size()).boxed().toList();
        new BoundedFanOut("egov-measure-site", concurrency).map(indices, i -> {
            Target t = targets.get(i);
            onDone.accept(i, measure(t.url(), t.kind(), now));
            return null;
        }, (i, cause) -> {
            if (!(cause instanceof InterruptedException)) {
                LOG.warn("measuring {} failed unexpectedly", targets.get(i).url(), cause);
            }
            return null;
        });
    }

    @Override
    public SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now) {
        return measure(siteRoot, kind, now, SiteContext.NONE);
    }

    @Override
    public SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now, SiteContext context) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
        try {
            return new Run(siteRoot, kind, now, context == null ? SiteContext.NONE : context).measure();
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
        return new Run(siteRoot, kind, now, SiteContext.NONE).explain();
    }

    @Override
    public void close() {
        if (ownsFetcher) {
            fetcher.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- one site

    /** One site's measurement: the steps in order over the site's fetches. */
    private final class Run {
        private final URI root;
        private final SiteKind kind;
        private final LocalDate now;
        private final SiteFetches site;
        private final SiteContext context;

        Run(URI root, SiteKind kind, LocalDate now, SiteContext context) {
            this.root = root;
            this.kind = kind;
            this.now = now;
            this.context = context;
            this.site = new SiteFetches(String.valueOf(root), fetcher, decoder, sitePages, evidence);
        }

        SectionExplanation explain() {
            OpenedHomepage opened = homepageOpener.open(root, site);
            FetchResult home = opened.result();
            return new SectionExplanation(site.siteUrl(), home.finalUrl(), home.status(), opened.charset(),
                    home.error() == null ? null : home.error().name(),
                    opened.doc() == null ? List.of() : homepageReader.read(opened, now).decisions(), site.all(),
                    opened.doc() == null ? null : homepageLinks.sample(opened.links(), site));
        }

        SiteMeasurement measure() {
            OpenedHomepage opened = homepageOpener.open(root, site);
            FetchResult home = opened.result();
            if (opened.doc() == null) {
                return unreachable(home);
            }
            HomepageReader.Reading homepage = homepageReader.read(opened, now);
            List<ClassifiedSection> classified = SectionClassifier.sections(homepage.decisions());
            List<Section> sections = readSections(classified, opened);
            Homepage freshness = homepageReader.freshness(homepage.summary(), sections);
            HomepageLinkChecker.Checked links = homepageLinks.check(opened.links(), site);
            List<CheckResult> inspected = inspect(opened, sections);
            List<CrawlError> errors = new ArrayList<>(opened.findings());
            errors.addAll(site.errors());
            return new SiteMeasurement(site.siteUrl(), home.finalUrl(), kind.name(), true, home.status(),
                    home.responseMs(), opened.charset(), null, freshness, sections,
                    classifier.missingFamilies(classified, kind), links.broken(), site.count(), errors,
                    homepage.summary().contentHash(), now, site.all(), links.all(), links.notChecked(), inspected);
        }

        /** The inspection checks, over the homepage and the sections read, with their own page budget. */
        private List<CheckResult> inspect(OpenedHomepage opened, List<Section> sections) {
            if (checks.isEmpty()) {
                return List.of();
            }
            List<CheckInput.SectionList> lists = sections.stream().map(s -> new CheckInput.SectionList(s.family(),
                    s.title(), s.url(), s.entries().stream()
                    .map(e -> new CheckInput.ListedItem(e.title(), e.url(), e.date())).toList())).toList();
            return checks.run(new CheckInput(site.siteUrl(), opened.result().finalUrl(), kind, opened.doc(), lists,
                    context, new BudgetedCheckPages(checks.maxPagesPerSite()), now));
        }

        /** GETs for checks through the site's fetches (recorded as CHECK), at most {@code budget} of them. */
        private final class BudgetedCheckPages implements CheckPages {
            private final java.util.concurrent.atomic.AtomicInteger left;

            BudgetedCheckPages(int budget) {
                this.left = new java.util.concurrent.atomic.AtomicInteger(budget);
            }

            @Override
            public CheckPage get(String url) {
                URI uri = toUri(url);
                if (uri == null || left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
                    return uri == null ? new CheckPage(url, url, 0, FetchErrorKind.INVALID_URL.name(), null) : null;
                }
                SiteFetches.FetchedPage p = site.get(uri, CHECK);
                FetchResult r = p.result();
                return new CheckPage(r.url(), r.finalUrl(), r.status(), r.error() == null ? null : r.error().name(),
                        p.document());
            }

            @Override
            public int left() {
                return left.get();
            }

            @Override
            public NetworkProbes probes() {
                return fetcher instanceof NetworkProbes n ? n : null;
            }
        }

        /**
         * Each section's first list page, the pages of its messages, and its sub-columns, within the site's page
         * budget. The section pages stay parsed until the column tree is read and are dropped on return.
         */
        private List<Section> readSections(List<ClassifiedSection> classified, OpenedHomepage opened) {
            // Entry hops (splash, frameset, redirect pages) spent part of the site's page budget already.
            int budget = maxDepth >= 1 ? site.left(maxPagesPerSite) : 0;
            if (classified.size() > budget) {
                LOG.info("{}: {} sections, {} fetched (maxPagesPerSite {})", site.siteUrl(), classified.size(),
                        budget, maxPagesPerSite);
            }
            Set<String> navUrls = new LinkedHashSet<>();
            classified.forEach(s -> navUrls.add(s.url()));
            UrlNormalizer.normalize(site.siteUrl()).ifPresent(navUrls::add);
            UrlNormalizer.normalize(opened.result().finalUrl()).ifPresent(navUrls::add);

            List<SectionRead> reads = sectionReader.read(classified, budget, navUrls, site, now);
            if (maxDepth < 2) {
                return reads.stream().map(SectionRead::section).toList();
            }
            messagePages.follow(reads, opened.hosts(), site.left(maxPagesPerSite), site, now);
            return columnTree.read(reads, navUrls, opened.hosts(), site, now);
        }

        /** The homepage gave no whole HTML page: nothing else is fetched. */
        private SiteMeasurement unreachable(FetchResult home) {
            FetchErrorKind kindOfError = home.error() != null ? home.error() : FetchErrorKind.NOT_HTML;
            return new SiteMeasurement(site.siteUrl(), home.status() > 0 ? home.finalUrl() : null, kind.name(),
                    false, home.status(), home.responseMs(), null, kindOfError.name(),
                    new Homepage(null, 0, true, List.of()), List.of(), List.of(), List.of(), site.count(),
                    List.of(new CrawlError(home.url(), kindOfError.name())), null, now, site.all(), List.of(), 0);
        }
    }

    /** An absolute URI, or null for a URL that does not parse or has no scheme. */
    static URI toUri(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static Entry entry(ListEntry e) {
        return new Entry(e.title(), e.url(), e.date());
    }

    private static SiteMeasurement failed(String url, SiteKind kind, LocalDate now, String errorKind) {
        return new SiteMeasurement(url, null, kind.name(), false, 0, 0, null, errorKind,
                new Homepage(null, 0, true, List.of()), List.of(), List.of(), List.of(), 0,
                List.of(new CrawlError(url, errorKind)), null, now, List.of(), List.of(), 0);
    }
}
