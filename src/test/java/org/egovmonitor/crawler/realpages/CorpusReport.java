package org.egovmonitor.crawler.realpages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.egovmonitor.crawler.realpages.RealPageCorpus.Page;

/**
 * Compares what the engine read from each corpus page with the page's labels, and adds it up: section recall and
 * precision (per page, per family, in total), date accuracy (homepage newest item, list newest item) and blank-flag
 * accuracy. Pure.
 */
final class CorpusReport {

    /**
     * What the engine read from one page.
     *
     * @param families       families of the sections it reported (homepage-like pages)
     * @param homepageNewest the homepage's newest dated item
     * @param listNewest     the main list's newest date (list-like pages)
     * @param blank          whether the list page was judged blank
     * @param sectionUrls    family to the URL it was read from, for the report
     * @param error          why the page could not be measured, or null
     */
    record Outcome(Page page, Set<String> families, LocalDate homepageNewest, LocalDate listNewest, Boolean blank,
                   Map<String, String> sectionUrls, String error) {
    }

    /** Sums over a set of pages. */
    record Totals(int pages, int truePositives, int falseNegatives, int falsePositives, int datesRight,
                  int datesJudged, int blankRight, int blankJudged) {

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double dates() {
            return ratio(datesRight, datesJudged);
        }

        double blanks() {
            return ratio(blankRight, blankJudged);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }

        String line(String name) {
            return String.format("%-12s pages %3d  recall %.3f (%d/%d)  precision %.3f (%d/%d)  dates %.3f (%d/%d)"
                            + "  blank %.3f (%d/%d)", name, pages, recall(), truePositives,
                    truePositives + falseNegatives, precision(), truePositives, truePositives + falsePositives,
                    dates(), datesRight, datesJudged, blanks(), blankRight, blankJudged);
        }
    }

    private final List<Outcome> outcomes;

    CorpusReport(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    Totals totals(Predicate<Page> which) {
        int pages = 0;
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int dr = 0;
        int dj = 0;
        int br = 0;
        int bj = 0;
        for (Outcome o : outcomes) {
            Page p = o.page();
            if (!which.test(p)) {
                continue;
            }
            pages++;
            if (p.isHomepageLike()) {
                Set<String> found = o.families();
                for (String f : p.families().keySet()) {
                    if (found.contains(f)) {
                        tp++;
                    } else {
                        fn++;
                    }
                }
                fp += extras(o).size();
            }
            if ("homepage".equals(p.kind())) {
                dj++;
                dr += Objects.equals(p.newest(), o.homepageNewest()) ? 1 : 0;
            }
            if (p.isList()) {
                dj++;
                dr += Objects.equals(p.listNewest(), o.listNewest()) ? 1 : 0;
            }
            if (p.isList() && p.blank() != null) {
                bj++;
                br += Objects.equals(p.blank(), o.blank()) ? 1 : 0;
            }
        }
        return new Totals(pages, tp, fn, fp, dr, dj, br, bj);
    }

    /** Families reported that the labels neither name nor allow. */
    static Set<String> extras(Outcome o) {
        Set<String> extra = new TreeSet<>(o.families());
        extra.removeAll(o.page().families().keySet());
        o.page().optional().forEach(extra::remove);
        return extra;
    }

    static Set<String> misses(Outcome o) {
        Set<String> miss = new TreeSet<>(o.page().families().keySet());
        miss.removeAll(o.families());
        return miss;
    }

    /** Per family: labelled, found among them, and extras. */
    Map<String, int[]> perFamily(Predicate<Page> which) {
        Map<String, int[]> out = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (!which.test(o.page()) || !o.page().isHomepageLike()) {
                continue;
            }
            for (String f : o.page().families().keySet()) {
                int[] c = out.computeIfAbsent(f, k -> new int[3]);
                c[0]++;
                c[1] += o.families().contains(f) ? 1 : 0;
            }
            for (String f : extras(o)) {
                out.computeIfAbsent(f, k -> new int[3])[2]++;
            }
        }
        return out;
    }

    /** A readable report: totals per split, per family, and every page that is not entirely right. */
    String render(boolean showSetAside) {
        StringBuilder sb = new StringBuilder();
        sb.append(totals(p -> true).line("all")).append('\n');
        sb.append(totals(p -> !p.setAside()).line("tuning")).append('\n');
        sb.append(totals(Page::setAside).line("set-aside")).append('\n');
        Set<String> sites = new HashSet<>();
        outcomes.forEach(o -> sites.add(o.page().site()));
        sb.append("sites ").append(sites.size()).append('\n');
        Predicate<Page> shown = showSetAside ? p -> true : p -> !p.setAside();
        sb.append("\nper family (labelled / found / extra)").append(showSetAside ? "" : ", tuning pages").append('\n');
        perFamily(shown).forEach((f, c) -> sb.append(String.format("  %-16s %3d %3d %3d%n", f, c[0], c[1], c[2])));
        sb.append("\npages not entirely right").append(showSetAside ? "" : " (tuning pages only)").append('\n');
        List<String> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            Page p = o.page();
            if (!shown.test(p)) {
                continue;
            }
            List<String> wrong = new ArrayList<>();
            if (o.error() != null) {
                wrong.add("error " + o.error());
            }
            if (p.isHomepageLike()) {
                Set<String> miss = misses(o);
                Set<String> extra = extras(o);
                if (!miss.isEmpty()) {
                    List<String> shownMiss = new ArrayList<>();
                    for (String f : miss) {
                        RealPageCorpus.Link l = p.families().get(f);
                        shownMiss.add(f + (l == null ? "" : "[" + l.text() + " " + l.href() + "]"));
                    }
                    wrong.add("missed " + shownMiss);
                }
                if (!extra.isEmpty()) {
                    List<String> shownExtra = new ArrayList<>();
                    for (String f : extra) {
                        shownExtra.add(f + "[" + o.sectionUrls().get(f) + "]");
                    }
                    wrong.add("extra " + shownExtra);
                }
            }
            if ("homepage".equals(p.kind()) && !Objects.equals(p.newest(), o.homepageNewest())) {
                wrong.add("homepage newest " + o.homepageNewest() + " != label " + p.newest());
            }
            if (p.isList() && !Objects.equals(p.listNewest(), o.listNewest())) {
                wrong.add("list newest " + o.listNewest() + " != label " + p.listNewest());
            }
            if (p.isList() && p.blank() != null && !Objects.equals(p.blank(), o.blank())) {
                wrong.add("blank " + o.blank() + " != label " + p.blank());
            }
            if (!wrong.isEmpty()) {
                lines.add(String.format("  %-36s %-8s %s%n      %s", p.id(), p.kind(), p.url(),
                        String.join("\n      ", wrong)));
            }
        }
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
