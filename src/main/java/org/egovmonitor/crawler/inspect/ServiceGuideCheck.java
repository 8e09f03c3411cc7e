package org.egovmonitor.crawler.inspect;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * 办事指南要素: samples the guide pages listed under the service-guide section(s) and reports, per guide, the elements
 * (事项名称, 设定依据 … 办理时限) it does not state as labels ({@link GuideLabels}).
 *
 * <p>Sampling: the entries of the sections of {@code families}, in homepage and list order, http(s) links only, up
 * to {@code sampleGuides} judged pages. A page that states no element at all and links to at least three further
 * pages (not the homepage's own links, not pager links) is a list of guides rather than a guide — a column index
 * whose entries are sub-lists, or a provincial platform's department list — and its links are sampled in its place,
 * at most {@code maxIndexPages} such pages per site. A guide section whose own list gave no entries (its list is
 * a column index the engine read as sub-columns) is read the same way, from its list page. A page that fails or is
 * not HTML is skipped and counted in the summary.
 */
final class ServiceGuideCheck implements SiteCheck {

    static final String ID = "serviceGuides";
    static final String INCOMPLETE = "guide_incomplete";
    /** Links an index page must offer beyond the homepage's own to be taken for a list of guides. */
    private static final int MIN_INDEX_LINKS = 3;
    private static final int MAX_TITLE_CHARS = 60;
    /** Pages asked for beyond the sample and the index pages: room for a failed page or a Word file or two. */
    private static final int MAX_SKIPPED_EXTRA = 2;

    private final ServiceGuideRules rules;
    private final GuideLabels labels;

    ServiceGuideCheck(ServiceGuideRules rules) {
        this.rules = rules;
        this.labels = new GuideLabels(rules.elements(), rules.maxLabelChars(), rules.maxTextChars());
    }

    /** How labels are found: the golden tests read single lines through it. */
    GuideLabels labels() {
        return labels;
    }

    @Override
    public String id() {
        return ID;
    }

    /** A page to look at: its address and the title it was listed under. */
    private record Candidate(String url, String title) {
    }

    @Override
    public CheckResult check(CheckInput input) {
        List<CheckInput.SectionList> sections = new ArrayList<>();
        for (String family : rules.families()) {
            sections.addAll(input.sectionsOf(family));
        }
        if (sections.isEmpty()) {
            return CheckResult.notChecked(ID, "未找到办事指南栏目，未抽查办事指南要素");
        }
        Set<String> seen = new HashSet<>();
        Set<String> navigation = navigation(input);
        Set<String> boilerplate = new HashSet<>(labels.lines(input.homepage()));
        Deque<Candidate> queue = new ArrayDeque<>();
        List<Candidate> indexes = new ArrayList<>();
        for (CheckInput.SectionList s : sections) {
            boolean any = false;
            for (CheckInput.ListedItem item : s.items()) {
                String url = web(item.url());
                if (url != null && seen.add(url)) {
                    queue.add(new Candidate(url, item.title()));
                    any = true;
                }
            }
            String list = web(s.url());
            if (!any && list != null && seen.add(list)) {
                indexes.add(new Candidate(list, s.title()));
            }
        }
        queue.addAll(indexes);
        if (queue.isEmpty()) {
            return CheckResult.notChecked(ID, "办事指南栏目中没有指南链接，未抽查办事指南要素");
        }

        int sampled = 0;
        int complete = 0;
        int skipped = 0;
        int indexPages = 0;
        int attempts = 0;
        boolean budgetSpent = false;
        List<CheckProblem> problems = new ArrayList<>();
        // the check budget is shared by every check of the site: a few failed pages are tolerated, not a sample's worth
        int maxAttempts = rules.sampleGuides() + rules.maxIndexPages() + MAX_SKIPPED_EXTRA;
        while (!queue.isEmpty() && sampled < rules.sampleGuides() && attempts < maxAttempts) {
            Candidate c = queue.poll();
            CheckPage page = input.pages().get(c.url());
            if (page == null) {
                budgetSpent = true;
                break;
            }
            attempts++;
            if (!page.html() || page.errorKind() != null || page.status() < 200 || page.status() >= 300) {
                skipped++;
                continue;
            }
            Document doc = page.document();
            Set<String> found = labels.found(doc, boilerplate);
            if (found.isEmpty() && indexPages < rules.maxIndexPages()) {
                List<Candidate> links = guideLinks(doc, navigation, seen);
                if (links.size() >= MIN_INDEX_LINKS || (indexes.contains(c) && !links.isEmpty())) {
                    indexPages++;
                    links.forEach(l -> seen.add(l.url()));
                    // depth first: the index's guides are sampled before the section's next entries
                    for (int i = links.size() - 1; i >= 0; i--) {
                        queue.addFirst(links.get(i));
                    }
                    continue;
                }
            }
            if (indexes.contains(c)) {
                // a section's own list page is never judged as a guide
                continue;
            }
            sampled++;
            List<String> missing = rules.elements().stream().filter(e -> !found.contains(e.id()))
                    .map(ServiceGuideRules.Element::name).toList();
            if (missing.isEmpty()) {
                complete++;
            } else {
                String where = page.finalUrl() != null ? page.finalUrl() : c.url();
                problems.add(new CheckProblem(INCOMPLETE, ProblemSeverity.DEDUCT,
                        "办事指南《" + title(doc, c) + "》缺少 " + missing.size() + " 项要素：" + String.join("、", missing),
                        where, null, "补充：" + String.join("、", missing)));
            }
        }
        if (sampled == 0) {
            String why = budgetSpent ? "检查页面配额已用完，未能抽查办事指南"
                    : skipped > 0 ? "办事指南页面均无法读取或不是网页（" + skipped + " 个），未抽查办事指南要素"
                    : "办事指南栏目中没有可读的指南页面，未抽查办事指南要素";
            return CheckResult.notChecked(ID, why);
        }
        StringBuilder summary = new StringBuilder("抽查办事指南 ").append(sampled).append(" 篇，要素齐全 ")
                .append(complete).append(" 篇（").append(Math.round(100.0 * complete / sampled)).append("%）");
        if (skipped > 0) {
            summary.append("；另有 ").append(skipped).append(" 个页面无法读取或不是网页，已跳过");
        }
        if (budgetSpent) {
            summary.append("；检查页面配额已用完，未再抽查");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("guidesSampled", (double) sampled);
        metrics.put("guidesComplete", (double) complete);
        metrics.put("guidesSkipped", (double) skipped);
        return CheckResult.judged(ID, summary.toString(), problems, metrics);
    }

    /** The links on {@code page} that may be guides: http(s), new, not the homepage's own, not pager links. */
    private List<Candidate> guideLinks(Document page, Set<String> navigation, Set<String> seen) {
        List<Candidate> out = new ArrayList<>();
        Set<String> here = new HashSet<>();
        for (Element a : page.select("a[href]")) {
            String url = web(a.absUrl("href"));
            String text = GuideLabels.squeeze(a.text());
            if (url == null || text.length() < rules.minLinkChars() || navigation.contains(url) || seen.contains(url)
                    || !here.add(url)) {
                continue;
            }
            out.add(new Candidate(url, a.text()));
            if (out.size() >= rules.sampleGuides() * 4) {
                break;
            }
        }
        return out;
    }

    /** The homepage's links: the navigation, header and footer every page of the site repeats. */
    private static Set<String> navigation(CheckInput input) {
        Set<String> nav = new HashSet<>();
        if (input.homepage() != null) {
            for (Element a : input.homepage().select("a[href]")) {
                String url = web(a.absUrl("href"));
                if (url != null) {
                    nav.add(url);
                }
            }
        }
        for (CheckInput.SectionList s : input.sections()) {
            String url = web(s.url());
            if (url != null) {
                nav.add(url);
            }
        }
        String home = web(input.homepageUrl());
        if (home != null) {
            nav.add(home);
        }
        return nav;
    }

    /** {@code url} without its fragment when it is an http(s) address, else null. */
    static String web(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                return null;
            }
            int hash = url.indexOf('#');
            return (hash < 0 ? url : url.substring(0, hash)).trim();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String title(Document doc, Candidate c) {
        String t = c.title() != null && !c.title().isBlank() ? c.title() : doc.title();
        t = t == null || t.isBlank() ? c.url() : t.strip().replaceAll("\\s+", " ");
        return t.length() > MAX_TITLE_CHARS ? t.substring(0, MAX_TITLE_CHARS) + "…" : t;
    }
}
