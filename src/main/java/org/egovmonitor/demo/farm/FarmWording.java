package org.egovmonitor.demo.farm;

import java.util.List;
import java.util.Random;

/**
 * The wording side of the farm (内容正确性): the leaders the demo registry gives each unit, derived from its site's
 * name so the farm and the registry agree without sharing state, and the wording errors some sites publish — drawn
 * from the site's seed with a Random of their own, so every other draw (and every other site's bytes) stays as it
 * was. A site with errors carries, on each article page, one paragraph with a misused word (截止目前, 再接再励), an
 * outdated body name (环境保护局) and its deputy leader named with the head's post; the others carry none. Apart from
 * those (a second draw of the same Random, so about one site in four either way), a site may have been hacked: its
 * article pages carry a line of gambling spam (sensitive words), visible and without links so that it tells on the
 * wording check alone, not on the hidden-link checks.
 */
public final class FarmWording {

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴";
    private static final List<String> GIVEN = List.of("建国", "志强", "海涛", "丽华", "文军", "晓东", "国平", "春燕",
            "明亮", "卫东");

    private FarmWording() {
    }

    /** A leader as the registry has them. */
    public record Leader(String name, String post) {
    }

    /** The unit's leaders for a site named {@code siteName}: its head and one deputy (String.hashCode is specified). */
    public static List<Leader> leaders(String siteName) {
        int h = Math.floorMod(siteName.hashCode(), 1000);
        String head;
        if (siteName.contains("局")) {
            head = "局长";
        } else if (siteName.contains("政府") || siteName.contains("中国")) {
            head = siteName.contains("镇") ? "镇长" : siteName.contains("乡") ? "乡长" : siteName.contains("区") ? "区长"
                    : siteName.contains("县") ? "县长" : "市长";
        } else {
            head = "主任";
        }
        return List.of(new Leader(name(h), head), new Leader(name(h + 7), "副" + head));
    }

    private static String name(int h) {
        return SURNAMES.charAt(h % 10) + GIVEN.get((h / 10) % 10);
    }

    /** Whether the site of {@code spec} publishes wording errors (about one site in three). */
    public static boolean hasErrors(SiteSpec spec) {
        return draws(spec).nextInt(3) == 0;
    }

    /** Whether the site of {@code spec} carries planted spam (about one site in four, drawn apart from the errors). */
    public static boolean hasSpam(SiteSpec spec) {
        Random r = draws(spec);
        r.nextInt(3);
        return r.nextInt(4) == 0;
    }

    /** The site's own wording Random: the farm's other draws never see it. */
    private static Random draws(SiteSpec spec) {
        return new Random(SiteSpec.mix(spec.seed() ^ 0x3D0B1E5L));
    }

    /** The paragraph a site with errors adds to its article pages; null for the others. */
    static String paragraph(SiteSpec spec, String place) {
        if (!hasErrors(spec)) {
            return null;
        }
        Leader deputy = leaders(spec.name()).get(1);
        return "截止目前，" + place + "环境保护局已会同各部门完成春季专项检查，" + deputy.post().substring(1)
                + deputy.name() + "要求各单位再接再励，巩固整治成果。";
    }

    /** The spam line a hacked site's article pages carry; null for the others. */
    static String spam(SiteSpec spec) {
        return hasSpam(spec) ? "真人娱乐 百家乐 在线博彩 注册即送彩金" : null;
    }
}
