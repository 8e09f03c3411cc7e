package org.egovmonitor.demo.farm;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.egovmonitor.crawler.measure.CrawlLimits;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.demo.farm.FamilyCatalog.Family;
import org.egovmonitor.demo.farm.SiteModel.Block;
import org.egovmonitor.demo.farm.SiteModel.DateStyle;
import org.egovmonitor.demo.farm.SiteModel.HeadingStyle;
import org.egovmonitor.demo.farm.SiteModel.Item;
import org.egovmonitor.demo.farm.SiteModel.Letter;
import org.egovmonitor.demo.farm.SiteModel.Link;
import org.egovmonitor.demo.farm.SiteModel.LinkForm;
import org.egovmonitor.demo.farm.SiteModel.Mailbox;
import org.egovmonitor.demo.farm.SiteModel.MarkPlace;
import org.egovmonitor.demo.farm.SiteModel.MessageLayout;
import org.egovmonitor.demo.farm.SiteModel.Section;
import org.egovmonitor.demo.farm.SiteModel.UrlScheme;
import org.egovmonitor.registry.SiteKind;

/**
 * Generates a simulated government website and its exact truth from a {@link SiteSpec}. Pure and deterministic:
 * the same spec gives the same bytes and the same truth (java.util.Random's sequence is specified).
 */
public final class SiteGenerator {

    /**
     * Ports on 127.0.0.1 used for dead external links. Low privileged ports nothing on a test machine listens on;
     * the self-consistency test checks they refuse.
     */
    static final List<Integer> CLOSED_PORTS = List.of(1, 7, 9, 13, 17, 19);

    /** Items younger than this may be shown with year-less dates (see {@link SiteTruth}). */
    static final int YEARLESS_MAX_AGE_DAYS = 299;

    /**
     * Message pages a measurement reads per interactive section: the crawler's default, which the truth assumes (a
     * measurement with other settings reads more or fewer of them).
     */
    static final int MESSAGE_PAGES = CrawlLimits.defaults().maxMessagePagesPerSection();

    /** Navigation order real portals roughly follow; sites perturb it a little. */
    private static final List<String> NAV_ORDER = List.of("overview", "news", "open_gov", "notices", "policy",
            "personnel", "plans", "org_info", "service_guide", "downloads", "online_service", "investment", "tourism",
            "talent", "interviews", "surveys", "mailbox", "forum", "weather", "transport", "supply_demand");

    public GeneratedSite generate(SiteSpec spec) {
        SiteModel m = draw(spec);
        SiteTruth truth = truth(m);
        return new PageRenderer(m).render(truth, traits(m));
    }

    // ---------------------------------------------------------------- drawing

    private SiteModel draw(SiteSpec spec) {
        Random r = new Random(SiteSpec.mix(spec.seed()));
        SiteSpec.Overrides o = spec.overrides();
        SiteModel m = new SiteModel();
        m.spec = spec;
        m.place = TextBank.place(spec.name());
        m.layout = o.layout() != null ? o.layout()
                : o.charset() != null && o.charset().isGbk() ? PageLayout.TABLE_2003
                : r.nextBoolean() ? PageLayout.TABLE_2003 : PageLayout.MODERN;
        if (m.layout == PageLayout.MODERN) {
            m.charset = PageCharset.UTF8;
            m.scheme = UrlScheme.TRS;
        } else {
            m.charset = o.charset() != null ? o.charset()
                    : pickWeighted(r, List.of(PageCharset.GBK_META, PageCharset.GBK_UNDECLARED,
                    PageCharset.GBK_HEADER_SAYS_UTF8, PageCharset.UTF8), new int[]{5, 2, 2, 1});
            m.scheme = r.nextInt(3) == 0 ? UrlScheme.HTM : UrlScheme.ASP;
        }
        m.linkForm = pickWeighted(r, List.of(LinkForm.ROOT_RELATIVE, LinkForm.RELATIVE, LinkForm.ABSOLUTE),
                new int[]{5, 3, 2});

        drawSections(r, m);
        drawBlocks(r, m);
        drawLinks(r, m);
        m.beian = "皖ICP备" + String.format("%08d", 5000000 + r.nextInt(4000000)) + "号";
        m.phone = r.nextInt(3) == 0 ? "0566-" + (2000000 + r.nextInt(999999)) : null;
        drawGuides(m);
        drawSafetyFaults(m);
        m.technical = drawTechnical(m);
        return m;
    }

    private void drawSections(Random r, SiteModel m) {
        SiteSpec spec = m.spec;
        SiteSpec.Overrides o = spec.overrides();
        List<String> families = new ArrayList<>();
        if (o.families() != null) {
            NAV_ORDER.stream().filter(o.families()::contains).forEach(families::add);
        } else {
            List<String> required = FamilyCatalog.REQUIRED.get(spec.kind());
            double optional = switch (spec.kind()) {
                case PORTAL -> 0.55;
                case COUNTY -> 0.4;
                case DEPARTMENT -> 0.25;
                case TOWNSHIP_PAGE -> 0.1;
            };
            double drop = r.nextInt(3) == 0 ? 0.25 : 0.03;
            for (String f : NAV_ORDER) {
                boolean keep = required.contains(f) ? r.nextDouble() >= drop : r.nextDouble() < optional;
                if (keep) {
                    families.add(f);
                }
            }
        }
        // perturb the order a little: a few adjacent swaps
        for (int i = 0; i < 3 && families.size() > 1; i++) {
            int j = r.nextInt(families.size() - 1);
            Collections.swap(families, j, j + 1);
        }
        double blankP = r.nextInt(3) == 0 ? 0.3 : 0.05;
        double staleP = r.nextInt(3) == 0 ? 0.5 : 0.1;
        int pageSize = TextBank.pick(r, List.of(10, 15, 20, 25));
        int maxItems = spec.kind() == SiteKind.TOWNSHIP_PAGE ? 12 : 45;
        long nextId = 100 + r.nextInt(5000);
        int classId = 1 + r.nextInt(20);
        ReplyHabit habit = o.replies() != null ? o.replies()
                : pickWeighted(new Random(SiteSpec.mix(spec.seed() ^ 0x7E11E75L)), List.of(ReplyHabit.PROMPT,
                ReplyHabit.LATE, ReplyHabit.NEGLECTED), new int[]{6, 3, 1});
        List<DateStyle> listStyles = m.layout == PageLayout.TABLE_2003
                ? List.of(DateStyle.BRACKET_ISO, DateStyle.PAREN_ISO, DateStyle.ISO, DateStyle.CN, DateStyle.SLASH,
                DateStyle.PAREN_MD)
                : List.of(DateStyle.ISO, DateStyle.ISO, DateStyle.DOT, DateStyle.BRACKET_ISO);
        for (String id : families) {
            Family f = FamilyCatalog.byId(id);
            String title = TextBank.pick(r, FamilyCatalog.synonymsFor(f, spec.kind()));
            boolean blank = o.blankFamilies() != null ? o.blankFamilies().contains(id) : r.nextDouble() < blankP;
            boolean stale = o.staleFamilies() != null ? o.staleFamilies().contains(id)
                    : f.windowDays() > 0 && r.nextDouble() < staleP;
            boolean dated = f.dated() || r.nextInt(4) == 0;
            String placeholder = TextBank.pick(r, List.of("暂无信息", "正在建设中", "暂无信息！", "本栏目正在建设中……"));
            Section s = new Section(f, title, classId, pageSize, TextBank.pick(r, listStyles), placeholder,
                    m.scheme);
            classId += 1 + r.nextInt(3);
            if (!blank) {
                int n = 1 + r.nextInt(maxItems);
                List<LocalDate> dates = dated ? dates(r, f, stale, n, spec.now()) : null;
                int year = spec.now().getYear();
                for (int i = 0; i < n; i++) {
                    LocalDate d = dates == null ? null : dates.get(i);
                    String itemTitle = TextBank.itemTitle(r, id, m.place, d == null ? year : d.getYear());
                    long itemId = nextId++;
                    s.items.add(new Item(itemId, id, itemTitle, d, detailPath(m.scheme, f, itemId, d),
                            20 + r.nextInt(3000), source(o, spec.seed(), itemId, m.place), null));
                }
            }
            if (FamilyCatalog.INTERACTIVE.contains(id) && !s.items.isEmpty()) {
                drawLetters(m, s, habit);
            }
            m.sections.add(s);
        }
        // headline decoy: a notice whose title contains a family word
        Section notices = section(m, "notices");
        if (notices != null && !notices.blank() && r.nextInt(5) < 2) {
            int i = notices.items.size() > 1 ? r.nextInt(2) : 0;
            Item it = notices.items.get(i);
            notices.items.set(i, new Item(it.id(), it.family(), TextBank.pick(r, TextBank.HEADLINE_DECOYS), it.date(),
                    it.path(), it.views(), it.source(), null));
        }
    }

    /**
     * Turns a section's items into messages: a mailbox receives a letter every few days, so their dates are drawn
     * anew, and each gets its fate by the site's habit. Drawn from a generator of its own (like {@link #source}), so
     * that the rest of the site is exactly what it would be without messages.
     */
    private static void drawLetters(SiteModel m, Section s, ReplyHabit habit) {
        Random r = new Random(SiteSpec.mix(m.spec.seed() * 31 + 0x1E77E5L + s.classId));
        LocalDate now = m.spec.now();
        MessageLayout layout = TextBank.pick(r, List.of(MessageLayout.values()));
        String replied = r.nextInt(5) < 3 ? TextBank.pick(r, TextBank.REPLIED_HEADERS) : null;
        String status = replied == null || r.nextInt(4) > 0 ? TextBank.pick(r, TextBank.STATUS_HEADERS) : null;
        s.mailbox = new Mailbox(layout, TextBank.pick(r, TextBank.ASKED_HEADERS), status, replied, r.nextInt(3) == 0,
                TextBank.pick(r, List.of(MarkPlace.values())), r.nextBoolean(), r.nextBoolean());

        int n = s.items.size();
        List<LocalDate> asked = new ArrayList<>(n);
        LocalDate d = now.minusDays(r.nextInt(31));
        for (int i = 0; i < n; i++) {
            asked.add(d);
            d = d.minusDays(r.nextInt(13));
        }
        int neglected = -1;
        if (habit == ReplyHabit.NEGLECTED) {
            // Among the first messages a measurement reads the pages of, so that it is judged whatever the layout.
            int within = Math.min(n, Math.min(s.pageSize, MESSAGE_PAGES));
            for (int i = 0; i < within && neglected < 0; i++) {
                long age = now.toEpochDay() - asked.get(i).toEpochDay();
                neglected = age >= 100 && age <= 300 ? i : -1;
            }
            if (neglected < 0) {
                neglected = within - 1;
                asked.set(neglected, now.minusDays(100 + r.nextInt(201)));
            }
        }
        for (int i = 0; i < n; i++) {
            boolean late = habit != ReplyHabit.PROMPT && r.nextInt(10) < 3;
            int delay = late ? 25 + r.nextInt(36) : 1 + r.nextInt(15);
            LocalDate reply = i == neglected ? null : asked.get(i).plusDays(delay);
            if (reply != null && reply.isAfter(now)) {
                reply = null;
            }
            String word = TextBank.pick(r, reply != null ? TextBank.ANSWERED_WORDS : TextBank.PENDING_WORDS);
            Letter letter = new Letter(reply, r.nextInt(5) > 0, word, reply == null ? r.nextInt(5) < 3
                    : r.nextBoolean(), TextBank.pick(r, TextBank.ASKERS));
            Item it = s.items.get(i);
            s.items.set(i, new Item(it.id(), it.family(), it.title(), asked.get(i),
                    detailPath(m.scheme, s.family, it.id(), asked.get(i)), it.views(), it.source(), letter));
        }
    }

    /**
     * The item's 来源: the place, or one of the dictated sources drawn from a generator of its own, so that dictating
     * sources leaves the rest of the site exactly as it would be without them.
     */
    private static String source(SiteSpec.Overrides o, long seed, long itemId, String place) {
        if (o.sources() == null) {
            return place;
        }
        Random own = new Random(SiteSpec.mix(seed * 31 + itemId));
        return o.sources().get(own.nextInt(o.sources().size()));
    }

    /** Dates newest first, never after {@code now}. */
    private static List<LocalDate> dates(Random r, Family f, boolean stale, int n, LocalDate now) {
        int w = f.windowDays();
        int threshold = w > 0 ? w : 365;
        int newestAge;
        if (stale) {
            newestAge = threshold + 1 + r.nextInt(500);
        } else if (w > 0) {
            newestAge = r.nextInt(Math.max(1, Math.min(w, w == 14 ? 10 : w / 2)));
        } else {
            newestAge = r.nextInt(200);
        }
        int maxGap = switch (f.id()) {
            case "news" -> 4;
            case "notices", "weather" -> 15;
            case "policy", "personnel", "plans" -> 40;
            default -> 25;
        };
        List<LocalDate> out = new ArrayList<>(n);
        LocalDate d = now.minusDays(newestAge);
        for (int i = 0; i < n; i++) {
            out.add(d);
            d = d.minusDays(r.nextInt(maxGap + 1));
        }
        return out;
    }

    private static String detailPath(UrlScheme scheme, Family f, long id, LocalDate d) {
        return switch (scheme) {
            case TRS -> d == null ? "/" + f.code() + "/t_" + id + ".html"
                    : "/" + f.code() + "/" + d.format(DateTimeFormatter.ofPattern("yyyyMM")) + "/t"
                    + d.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + id + ".html";
            case ASP -> "/show.asp?id=" + id;
            case HTM -> "/" + f.code() + "/" + id + ".htm";
        };
    }

    private void drawBlocks(Random r, SiteModel m) {
        Boolean navOnly = m.spec.overrides().navOnly();
        if (navOnly != null ? navOnly : r.nextInt(6) == 0) {
            return;
        }
        List<DateStyle> blockStyles = m.layout == PageLayout.TABLE_2003
                ? List.of(DateStyle.BRACKET_MD, DateStyle.PAREN_MD, DateStyle.BRACKET_ISO, DateStyle.PAREN_ISO)
                : List.of(DateStyle.ISO, DateStyle.MD, DateStyle.ISO, DateStyle.DOT);
        List<HeadingStyle> headings = m.layout == PageLayout.TABLE_2003
                ? List.of(HeadingStyle.LINKED, HeadingStyle.TEXT_MORE, HeadingStyle.IMAGE_MORE)
                : List.of(HeadingStyle.LINKED, HeadingStyle.TEXT_MORE);
        for (Section s : m.sections) {
            if (s.blank()) {
                continue;
            }
            boolean main = Set.of("news", "notices", "policy").contains(s.family.id());
            if (main ? r.nextInt(8) != 0 : r.nextInt(4) == 0) {
                DateStyle style = r.nextInt(10) == 0 ? null : TextBank.pick(r, blockStyles);
                m.blocks.add(new Block(s, 5 + r.nextInt(4), TextBank.pick(r, headings), style));
            }
        }
        if (!anyNewsDated(m) && Boolean.FALSE.equals(navOnly)) {
            // a homepage asked to carry dated items gets one dated news block: letters alone are not the site's news
            m.sections.stream().filter(s -> !s.blank() && !FamilyCatalog.INTERACTIVE.contains(s.family.id())
                            && s.page(1).stream().anyMatch(i -> i.date() != null)).findFirst()
                    .ifPresent(s -> {
                        m.blocks.removeIf(b -> b.section() == s); // an undated block of it becomes the dated one
                        m.blocks.add(new Block(s, 5 + r.nextInt(4), TextBank.pick(r, headings),
                                TextBank.pick(r, blockStyles)));
                    });
        }
        if (!anyNewsDated(m)) {
            // a homepage with item links but no dated news (only letters, or no dates) would be judged by its detail
            // pages: keep it nav-only
            m.blocks.clear();
            return;
        }
        m.blocks.stream().filter(b -> b.section().family.id().equals("news")).findFirst()
                .filter(b -> r.nextBoolean())
                .ifPresent(b -> m.imageHeadline = b.shown().get(0));
    }

    /** Some block that is not a list of letters or posts shows a dated item. */
    private static boolean anyNewsDated(SiteModel m) {
        return m.blocks.stream().anyMatch(b -> b.dateStyle() != null
                && !FamilyCatalog.INTERACTIVE.contains(b.section().family.id())
                && b.shown().stream().anyMatch(i -> i.date() != null));
    }

    private void drawLinks(Random r, SiteModel m) {
        String home = m.abs("/");
        Set<String> used = new HashSet<>();
        if (r.nextBoolean()) {
            List<String> words = new ArrayList<>(TextBank.SEARCH_WORDS);
            Collections.shuffle(words, r);
            for (String w : words.subList(0, 2 + r.nextInt(3))) {
                m.searchLinks.add(new Link(w, m.searchPath() + "?q=" + java.net.URLEncoder.encode(w,
                        java.nio.charset.StandardCharsets.UTF_8), false, false, DecoyKind.SEARCH_KEYWORD));
            }
        }
        if (r.nextInt(10) < 3) {
            List<String> texts = new ArrayList<>(TextBank.HIDDEN_TEXTS);
            Collections.shuffle(texts, r);
            for (String t : texts.subList(0, 1 + r.nextInt(2))) {
                m.hiddenLinks.add(new Link(t, "/old/" + Integer.toHexString(t.hashCode() & 0xffff) + ".htm", true,
                        false, DecoyKind.HIDDEN_DUPLICATE));
            }
        }
        // with a dictated broken-link count, decoys must not add dead links: only peers are used then
        boolean deadDecoysAllowed = m.spec.overrides().brokenLinks() == null;
        List<String> peers = m.spec.peerUrls().stream().filter(p -> !p.equals(home)).toList();
        if (r.nextBoolean() && (deadDecoysAllowed || !peers.isEmpty())) {
            List<String> texts = new ArrayList<>(TextBank.EXTERNAL_DECOYS);
            Collections.shuffle(texts, r);
            for (String t : texts.subList(0, 1 + r.nextInt(3))) {
                if (!peers.isEmpty() && (!deadDecoysAllowed || r.nextInt(5) < 3)) {
                    m.friendLinks.add(new Link(t, TextBank.pick(r, peers), false, false, DecoyKind.EXTERNAL_PEER));
                } else {
                    String url = deadUrl(r, used);
                    m.friendLinks.add(new Link(t, url, false, true, DecoyKind.EXTERNAL_DEAD));
                }
            }
        }
        m.footerLinks.add(new Link("联系我们", "/contact.htm", false, false, null));
        Integer brokenOverride = m.spec.overrides().brokenLinks();
        int broken = brokenOverride != null ? brokenOverride : pickWeighted(r, List.of(0, 1, 2, 3),
                new int[]{5, 3, 1, 1});
        List<String> internalTexts = new ArrayList<>(TextBank.BROKEN_INTERNAL_TEXTS);
        Collections.shuffle(internalTexts, r);
        for (int i = 0; i < broken; i++) {
            if (r.nextBoolean() && !internalTexts.isEmpty()) {
                String text = internalTexts.remove(0);
                m.footerLinks.add(new Link(text, "/" + (text.hashCode() & 0xffff) + "/index.asp", false, true, null));
            } else {
                m.friendLinks.add(new Link(TextBank.pick(r, TextBank.BROKEN_EXTERNAL_TEXTS), deadUrl(r, used), false,
                        true, null));
            }
        }
    }

    private static String deadUrl(Random r, Set<String> used) {
        for (int i = 0; ; i++) {
            String url = "http://127.0.0.1:" + TextBank.pick(r, CLOSED_PORTS) + "/" + (i == 0 ? "" : "s" + i + "/");
            if (used.add(url)) {
                return url;
            }
        }
    }

    private static Section section(SiteModel m, String family) {
        return m.sections.stream().filter(s -> s.family.id().equals(family)).findFirst().orElse(null);
    }

    private static <T> T pickWeighted(Random r, List<T> values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values.get(i);
            }
        }
        throw new AssertionError();
    }

    // ---------------------------------------------------------------- truth

    private static SiteTruth truth(SiteModel m) {
        LocalDate now = m.spec.now();
        List<SiteTruth.Section> sections = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Section s : m.sections) {
            present.add(s.family.id());
            List<Item> first = s.page(1);
            int w = s.family.windowDays();
            LocalDate newest = first.stream().map(Item::date).filter(d -> d != null).max(LocalDate::compareTo)
                    .orElse(null);
            int inWindow = w == 0 ? 0 : (int) first.stream().map(Item::date)
                    .filter(d -> d != null && !d.isBefore(now.minusDays(w))).count();
            sections.add(new SiteTruth.Section(s.family.id(), s.title, m.abs(s.listPath(1)), 200, newest,
                    first.size(), inWindow, first.isEmpty(), messages(m, s)));
        }
        List<String> missing = FamilyCatalog.REQUIRED.get(m.spec.kind()).stream()
                .filter(f -> !present.contains(f)).toList();

        Set<String> datedLinks = new LinkedHashSet<>();
        LocalDate newest = null;
        for (Block b : m.blocks) {
            // letters and forum posts are the public's, never the site's news
            if (FamilyCatalog.INTERACTIVE.contains(b.section().family.id())) {
                continue;
            }
            // an undated block's URL dates count only on a homepage that shows no dates, which drawBlocks never makes
            if (b.dateStyle() == null) {
                continue;
            }
            for (Item it : b.shown()) {
                if (it.date() != null) {
                    datedLinks.add(it.path());
                    newest = newest == null || it.date().isAfter(newest) ? it.date() : newest;
                }
            }
        }
        boolean navOnly = datedLinks.isEmpty();
        if (navOnly) {
            for (Section s : m.sections) {
                if (FamilyCatalog.INTERACTIVE.contains(s.family.id())) {
                    continue;
                }
                for (Item it : s.page(1)) {
                    if (it.date() != null) {
                        datedLinks.add(it.path());
                        newest = newest == null || it.date().isAfter(newest) ? it.date() : newest;
                    }
                }
            }
        }
        SortedSet<String> broken = new TreeSet<>();
        for (List<Link> links : List.of(m.searchLinks, m.hiddenLinks, m.friendLinks, m.footerLinks)) {
            links.stream().filter(Link::broken).forEach(l -> broken.add(m.abs(l.url())));
        }
        return new SiteTruth(m.spec.rootUrl(), m.spec.kind(), m.spec.name(), now,
                new SiteTruth.Homepage(newest, datedLinks.size(), navOnly), List.copyOf(sections), missing,
                Collections.unmodifiableSortedSet(broken));
    }

    /**
     * The messages a measurement reads from an interactive section's first list page: what the list shows, completed
     * from their own pages for the first {@link #MESSAGE_PAGES} messages whose list leaves their state, or an
     * answered one's reply day, open.
     */
    private static List<SiteTruth.Message> messages(SiteModel m, Section s) {
        if (s.mailbox == null) {
            return List.of();
        }
        Mailbox box = s.mailbox;
        List<SiteTruth.Message> out = new ArrayList<>();
        int pagesRead = 0;
        for (Item it : s.page(1)) {
            Letter l = it.letter();
            LocalDate listedReply = switch (box.layout()) {
                case HEADER_TABLE -> box.repliedHeader() != null ? l.repliedOn() : null;
                case STATUS_ROWS -> box.replyDates() ? l.repliedOn() : null;
                case DATES_ONLY -> null;
            };
            boolean statusListed = box.layout() == MessageLayout.STATUS_ROWS
                    || (box.layout() == MessageLayout.HEADER_TABLE && box.statusHeader() != null);
            MessageState state = listedReply != null || (statusListed && l.answered()) ? MessageState.ANSWERED
                    : statusListed ? MessageState.PENDING : MessageState.UNKNOWN;
            LocalDate reply = listedReply;
            boolean open = state == MessageState.UNKNOWN || (state == MessageState.ANSWERED && reply == null);
            if (open && pagesRead < MESSAGE_PAGES) {
                pagesRead++;
                state = l.answered() ? MessageState.ANSWERED : MessageState.PENDING;
                reply = l.answered() && l.replyDateShown() ? l.repliedOn() : reply;
            }
            out.add(new SiteTruth.Message(box.title(it), m.abs(it.path()), it.date(), reply, state));
        }
        return List.copyOf(out);
    }

    private static SiteTraits traits(SiteModel m) {
        EnumSet<DecoyKind> decoys = EnumSet.noneOf(DecoyKind.class);
        for (List<Link> links : List.of(m.searchLinks, m.hiddenLinks, m.friendLinks, m.footerLinks)) {
            links.stream().filter(l -> l.decoy() != null).forEach(l -> decoys.add(l.decoy()));
        }
        for (Block b : m.blocks) {
            if (b.heading() == HeadingStyle.IMAGE_MORE) {
                decoys.add(DecoyKind.IMAGE_TITLE);
            }
            if (b.shown().stream().anyMatch(i -> TextBank.HEADLINE_DECOYS.contains(i.title()))) {
                decoys.add(DecoyKind.HEADLINE_WORD);
            }
        }
        Set<String> stale = new TreeSet<>();
        boolean yearless = false;
        boolean paged = false;
        LocalDate now = m.spec.now();
        for (Section s : m.sections) {
            int w = s.family.windowDays();
            if (w > 0 && !s.blank() && s.items.get(0).date() != null
                    && s.items.get(0).date().isBefore(now.minusDays(w))) {
                stale.add(s.family.id());
            }
            paged |= s.pageCount() > 1;
            yearless |= s.dateStyle.yearless() && s.page(1).stream().anyMatch(i -> i.date() != null
                    && s.dateStyle.forDate(i.date(), now).yearless());
        }
        for (Block b : m.blocks) {
            yearless |= b.dateStyle() != null && b.shown().stream().anyMatch(i -> i.date() != null
                    && b.dateStyle().forDate(i.date(), now).yearless());
        }
        return new SiteTraits(m.layout, m.charset, Collections.unmodifiableSet(decoys), stale, yearless, paged,
                safetyFaults(m));
    }

    // ---------------------------------------------------------------- content safety (内容安全)

    private static final List<String> SPAM_TEXTS = List.of("澳门新葡京", "金沙娱乐城", "皇冠体育投注", "百家乐技巧",
            "时时彩平台", "太阳城娱乐");
    private static final List<String> SPAM_STYLES = List.of("position:absolute;top:-1200px;left:-1200px",
            "display:none", "height:0;overflow:hidden", "font-size:0");
    private static final List<String> FOREIGN_NAV_TEXTS = List.of("官方微博", "特产商城", "旅游预订");
    private static final List<String> FOREIGN_SCRIPTS = List.of("http://js.tongji-cnt.com/c.js?id=",
            "http://cdn.ssc-jump.cc/j.js?v=", "http://s1.stat-51yes.net/count.js?sid=");

    /**
     * Content-safety faults, each on about one site in five: a hidden block of gambling links, a navigation entry to a
     * foreign host, a script from an unknown host. Drawn from a generator of their own, after everything else, so
     * the rest of the site is exactly what it would be without them. The links go to peers that are not government
     * sites (they answer, so link checks and the truth are unchanged); a site without such peers gets none.
     */
    private static void drawSafetyFaults(SiteModel m) {
        Random r = new Random(SiteSpec.mix(m.spec.seed() * 31 + 0x5AFE7L));
        String home = m.abs("/");
        List<String> foreign = m.spec.peerUrls().stream().filter(p -> !p.equals(home))
                .filter(p -> {
                    String h = java.net.URI.create(p).getHost();
                    return h != null && !h.endsWith(".gov.cn");
                }).toList();
        if (r.nextInt(5) == 0 && !foreign.isEmpty()) {
            List<String> texts = new ArrayList<>(SPAM_TEXTS);
            Collections.shuffle(texts, r);
            for (String t : texts.subList(0, 2 + r.nextInt(3))) {
                m.spamLinks.add(new Link(t, TextBank.pick(r, foreign), true, false, null));
            }
            m.spamStyle = TextBank.pick(r, SPAM_STYLES);
        }
        if (r.nextInt(5) == 0 && !foreign.isEmpty()) {
            m.foreignNavLink = new Link(TextBank.pick(r, FOREIGN_NAV_TEXTS), TextBank.pick(r, foreign), false, false,
                    null);
        }
        if (r.nextInt(5) == 0) {
            m.foreignScript = TextBank.pick(r, FOREIGN_SCRIPTS) + (1000 + r.nextInt(9000));
        }
    }

    private static Set<String> safetyFaults(SiteModel m) {
        Set<String> faults = new TreeSet<>();
        if (!m.spamLinks.isEmpty()) {
            faults.add("hiddenLinks");
        }
        if (m.foreignNavLink != null) {
            faults.add("navigationLinks");
        }
        if (m.foreignScript != null) {
            faults.add("thirdPartyScripts");
        }
        return Collections.unmodifiableSet(faults);
    }

    /**
     * The content-safety faults {@code spec}'s site carries, without drawing or rendering the rest of it (tests pick
     * sites by them): the faults come from their own generator and read nothing of the model but its spec.
     */
    Set<String> safetyFaultsOf(SiteSpec spec) {
        SiteModel m = new SiteModel();
        m.spec = spec;
        drawSafetyFaults(m);
        return safetyFaults(m);
    }

    // ---------------------------------------------------------------- service guides

    /**
     * How the site's service guides look and which of them leave elements out (one site in three is sloppy: its
     * first guide and about a third of the others lack one to three elements). Drawn from a generator of its own, so
     * that every other page of the site is exactly what it was before guides had elements.
     */
    private static void drawGuides(SiteModel m) {
        Random r = new Random(SiteSpec.mix(m.spec.seed() * 31 + 0x6D1DE5L));
        m.guideStyle = m.layout == PageLayout.TABLE_2003 && m.charset.isGbk()
                ? TextBank.pick(r, List.of(SiteModel.GuideStyle.BRACKETS, SiteModel.GuideStyle.TABLE,
                SiteModel.GuideStyle.LABEL_LINES))
                : TextBank.pick(r, List.of(SiteModel.GuideStyle.TABLE, SiteModel.GuideStyle.LABEL_LINES));
        int n = TextBank.GUIDE_ELEMENTS.size();
        m.guideLabels = new int[n];
        for (int i = 0; i < n; i++) {
            m.guideLabels[i] = r.nextInt(3) == 0 ? r.nextInt(TextBank.GUIDE_ELEMENTS.get(i).labels().size()) : 0;
        }
        boolean sloppy = r.nextInt(3) == 0;
        Section guides = section(m, "service_guide");
        if (!sloppy || guides == null) {
            return;
        }
        for (int i = 0; i < guides.items.size(); i++) {
            if (i == 0 || r.nextInt(3) == 0) {
                SortedSet<Integer> gaps = new TreeSet<>();
                int count = 1 + r.nextInt(3);
                while (gaps.size() < count) {
                    gaps.add(r.nextInt(n));
                }
                m.guideGaps.put(guides.items.get(i).id(), gaps);
            }
        }
    }

    /**
     * The guides of a site that leave elements out: the guide page's URL → the names of the elements it lacks
     * (事项名称 … 办理时限), in list order. Every other guide of its service-guide section states all ten.
     */
    static java.util.Map<String, List<String>> guideGaps(SiteSpec spec) {
        SiteModel m = new SiteGenerator().draw(spec);
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Section guides = section(m, "service_guide");
        if (guides != null) {
            for (Item it : guides.items) {
                SortedSet<Integer> gaps = m.guideGaps.get(it.id());
                if (gaps != null) {
                    out.put(m.abs(it.path()), gaps.stream().map(i -> TextBank.GUIDE_ELEMENTS.get(i).name()).toList());
                }
            }
        }
        return out;
    }

    /**
     * The technical traits, from a Random of their own derived from the seed: the draws above stay as they were, so
     * every site keeps its content and truth. About one site in three to five fails each check.
     */
    private static TechnicalTraits drawTechnical(SiteModel m) {
        Random t = new Random(SiteSpec.mix(m.spec.seed() ^ 0x7EC4A1L));
        String siteCode = "34" + String.format("%08d", t.nextInt(100_000_000));
        String publicSecurity = "皖公网安备 3417" + String.format("%010d", Math.floorMod(t.nextLong(), 10_000_000_000L))
                + "号";
        boolean showCode = t.nextInt(10) < 7;
        boolean icp = t.nextInt(10) < 8;
        boolean showSecurity = t.nextInt(10) < 6;
        boolean govMark = t.nextInt(10) < 7;
        TechnicalTraits.Search search = pickWeighted(t, List.of(TechnicalTraits.Search.FORM,
                TechnicalTraits.Search.NONE, TechnicalTraits.Search.BROKEN), new int[]{6, 2, 2});
        boolean soft404 = t.nextInt(4) == 0;
        return new TechnicalTraits(m.layout == PageLayout.MODERN, showCode ? siteCode : null, icp,
                showSecurity ? publicSecurity : null, govMark, search, soft404);
    }
}
