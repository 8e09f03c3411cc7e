package org.egovmonitor.crawler.inspect;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.egovmonitor.platform.RuleProblems;

/**
 * The {@code wording:} block of {@code crawlers/checks.yml}: 内容正确性（wrong and sensitive wording）. Every word
 * list is data here, never in code: the checks only search the text for what this block lists.
 *
 * @param enabled        false turns the group's checks off (they are then not run, not reported, not scored)
 * @param sampleArticles articles read besides the homepage: the newest entries of {@code families}, same host
 * @param families       the section families whose entries are sampled (news, notices)
 * @param maxHitsPerPage problems one check reports per page at most (a page full of one error is one problem set)
 * @param maxTextChars   characters of a page's text searched at most (hostile pages are bounded)
 * @param contextChars   characters shown each side of a hit in the message (the sentence is cut to this)
 * @param misusedWords   misused words and characters with their correct form
 * @param outdatedNames  names of bodies replaced in reorganisations, with the current name and the day it changed
 * @param sensitiveWords words a government site must not publish
 * @param leaders        how leaders' names and posts are read against the registry
 */
public record WordingRules(Boolean enabled, Integer sampleArticles, List<String> families, Integer maxHitsPerPage,
                           Integer maxTextChars, Integer contextChars, List<MisusedWord> misusedWords,
                           List<OutdatedName> outdatedNames, List<SensitiveWord> sensitiveWords,
                           LeaderRules leaders) {

    /**
     * A misused word: {@code wrong} found in the text is reported with {@code right}; {@code unless} lists longer
     * strings that contain {@code wrong} and are correct (按装修 holds 按装), so a hit inside one of them is none.
     */
    public record MisusedWord(String wrong, String right, Boolean severe, List<String> unless) {
    }

    /** A body's old name, its current one, and the day the old one stopped being right (articles before it may use it). */
    public record OutdatedName(String old, String current, String since, List<String> unless) {

        LocalDate sinceDate() {
            return LocalDate.parse(since);
        }
    }

    /** A word a government site must not publish; {@code severe} null means severe (a veto). */
    public record SensitiveWord(String word, Boolean severe) {
    }

    /**
     * Leaders' posts: {@code posts} are the post words read next to a leader's name, {@code honorifics} the words
     * that may stand between name and post (同志), {@code qualifiers} the prefixes that change the rank (副, 代): a post
     * that drops one of them is wrong, a post that drops anything else (县委, 常务) only shortens it.
     */
    public record LeaderRules(Boolean severe, List<String> posts, List<String> honorifics, List<String> qualifiers) {
    }

    /** The file's own checks of this block; {@code field} is its path in the file. */
    void validate(String field, RuleProblems problems) {
        if (enabled == null) {
            problems.add(field + ".enabled", "缺少此项（true 或 false）");
        }
        positive(sampleArticles, field + ".sampleArticles", true, problems);
        positive(maxHitsPerPage, field + ".maxHitsPerPage", false, problems);
        positive(maxTextChars, field + ".maxTextChars", false, problems);
        positive(contextChars, field + ".contextChars", false, problems);
        words(families, field + ".families", "栏目族 id", problems);
        if (misusedWords == null) {
            problems.add(field + ".misusedWords", "缺少此项");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < misusedWords.size(); i++) {
                String at = field + ".misusedWords[" + i + "]";
                MisusedWord w = misusedWords.get(i);
                if (w == null || blank(w.wrong()) || blank(w.right())) {
                    problems.add(at, "必须写明 wrong（错误写法）和 right（正确写法）");
                    continue;
                }
                if (w.severe() == null) {
                    problems.add(at + ".severe", "缺少此项（true 或 false）");
                }
                if (w.wrong().equals(w.right()) || w.right().contains(w.wrong())) {
                    problems.add(at + ".right", "正确写法不能包含错误写法“" + w.wrong() + "”");
                }
                if (!seen.add(w.wrong())) {
                    problems.add(at + ".wrong", "重复的错误写法“" + w.wrong() + "”");
                }
                unless(w.unless(), w.wrong(), at + ".unless", problems);
            }
        }
        if (outdatedNames == null) {
            problems.add(field + ".outdatedNames", "缺少此项");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < outdatedNames.size(); i++) {
                String at = field + ".outdatedNames[" + i + "]";
                OutdatedName n = outdatedNames.get(i);
                if (n == null || blank(n.old()) || blank(n.current())) {
                    problems.add(at, "必须写明 old（旧名称）和 current（现名称）");
                    continue;
                }
                if (n.current().contains(n.old())) {
                    problems.add(at + ".current", "现名称不能包含旧名称“" + n.old() + "”");
                }
                if (!seen.add(n.old())) {
                    problems.add(at + ".old", "重复的旧名称“" + n.old() + "”");
                }
                try {
                    if (n.since() == null) {
                        problems.add(at + ".since", "缺少此项（更名日期，如 2019-01-01）");
                    } else {
                        n.sinceDate();
                    }
                } catch (DateTimeParseException e) {
                    problems.add(at + ".since", "必须是日期（如 2019-01-01），实为 " + n.since());
                }
                unless(n.unless(), n.old(), at + ".unless", problems);
            }
        }
        if (sensitiveWords == null) {
            problems.add(field + ".sensitiveWords", "缺少此项（可以是空列表 []）");
        } else {
            for (int i = 0; i < sensitiveWords.size(); i++) {
                SensitiveWord s = sensitiveWords.get(i);
                if (s == null || blank(s.word())) {
                    problems.add(field + ".sensitiveWords[" + i + "].word", "必须是非空词语");
                }
            }
        }
        if (leaders == null) {
            problems.add(field + ".leaders", "缺少此项");
        } else {
            if (leaders.severe() == null) {
                problems.add(field + ".leaders.severe", "缺少此项（true 或 false）");
            }
            words(leaders.posts(), field + ".leaders.posts", "职务", problems);
            if (leaders.honorifics() == null || leaders.honorifics().stream().anyMatch(WordingRules::blank)) {
                problems.add(field + ".leaders.honorifics", "必须是非空词语的列表（可以为空列表）");
            }
            if (leaders.qualifiers() == null || leaders.qualifiers().stream().anyMatch(WordingRules::blank)) {
                problems.add(field + ".leaders.qualifiers", "必须是非空词语的列表（可以为空列表）");
            }
        }
    }

    private static void positive(Integer value, String field, boolean zeroAllowed, RuleProblems problems) {
        if (value == null || value < (zeroAllowed ? 0 : 1)) {
            problems.add(field, (zeroAllowed ? "必须是不小于 0 的整数" : "必须是正整数") + "，实为 " + value);
        }
    }

    private static void words(List<String> list, String field, String what, RuleProblems problems) {
        if (list == null || list.isEmpty() || list.stream().anyMatch(WordingRules::blank)) {
            problems.add(field, "必须是非空" + what + "的列表");
        }
    }

    private static void unless(List<String> unless, String word, String field, RuleProblems problems) {
        if (unless != null && unless.stream().anyMatch(u -> u == null || !u.contains(word) || u.equals(word))) {
            problems.add(field, "每一项都必须比“" + word + "”长并包含它");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The checks of this group, built from the block; they share one sample of the site's text. */
    List<SiteCheck> checks() {
        if (!enabled) {
            return List.of();
        }
        WordingSampler sampler = new WordingSampler(this);
        return List.of(new MisusedWordsCheck(this, sampler), new OutdatedNamesCheck(this, sampler),
                new SensitiveWordsCheck(this, sampler), new LeaderNamesCheck(this, sampler));
    }
}
