package org.egovmonitor.crawler.inspect;

import java.util.Comparator;
import java.util.List;

/**
 * 领导姓名职务: where the text names one of the unit's leaders (from the registry) with a post word right before the
 * name (副县长王五) or after it (王五副县长, 王五同志副县长), and that post is not the registry's, the sentence is
 * reported with the right form. A post that only shortens the registry's (县长 for 县委副书记、县长; 副县长 for 常务副县长)
 * is right; one that drops a rank qualifier (县长 for 副县长) is wrong. Severity from {@code wording.leaders.severe}.
 */
final class LeaderNamesCheck implements SiteCheck {

    static final String ID = "leaderNames";
    static final String CODE = "leader_title";

    private final WordingRules rules;
    private final WordingSampler sampler;
    private final List<String> posts;

    LeaderNamesCheck(WordingRules rules, WordingSampler sampler) {
        this.rules = rules;
        this.sampler = sampler;
        // Longest first: 副县长 before 县长, so the whole post is read.
        this.posts = rules.leaders().posts().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        List<SiteContext.Leader> leaders = input.context().leaders().stream()
                .filter(l -> l.name() != null && l.name().strip().length() >= 2 && l.post() != null
                        && !l.post().isBlank()).toList();
        if (leaders.isEmpty()) {
            return CheckResult.notChecked(ID, "登记信息中没有本单位领导的姓名和职务，未核对");
        }
        WordingSample sample = sampler.sample(input);
        if (sample.pages().isEmpty()) {
            return CheckResult.notChecked(ID, "没有可读的页面，未核对领导姓名职务");
        }
        ProblemSeverity severity = rules.leaders().severe() ? ProblemSeverity.SEVERE : ProblemSeverity.DEDUCT;
        WordingHits hits = new WordingHits(rules.maxHitsPerPage());
        for (WordingSample.Page page : sample.pages()) {
            hits.page();
            String text = page.text();
            for (SiteContext.Leader leader : leaders) {
                String name = leader.name().strip();
                String registered = leader.post().strip();
                for (int i : WordingText.find(text, name, null, rules.maxHitsPerPage())) {
                    Mention m = mention(text, i, name);
                    if (m == null || rightPost(m.post(), registered)) {
                        continue;
                    }
                    String excerpt = text.substring(m.start(), m.end());
                    String sentence = WordingText.sentence(text, m.start(), m.end(), rules.contextChars());
                    String right = m.before() ? registered + name : name + registered;
                    hits.add(i, sentence, new CheckProblem(CODE, severity, "领导职务表述有误：“" + excerpt + "”，"
                            + name + "的职务登记为“" + registered + "”。原文：" + sentence, page.url(), excerpt,
                            "应为：" + right));
                }
            }
        }
        return hits.result(ID, sample, "领导姓名职务错误");
    }

    /** A post word next to a name: where the mention starts and ends, and whether the post comes first. */
    private record Mention(String post, int start, int end, boolean before) {
    }

    private Mention mention(String text, int at, String name) {
        // One space may stand between post and name (副县长 王强: a list typed with a space).
        int end = at > 0 && text.charAt(at - 1) == ' ' ? at - 1 : at;
        for (String p : posts) {
            if (end >= p.length() && text.startsWith(p, end - p.length())) {
                return new Mention(p, end - p.length(), at + name.length(), true);
            }
        }
        int after = at + name.length();
        if (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        for (String h : rules.leaders().honorifics()) {
            if (text.startsWith(h, after)) {
                after += h.length();
                break;
            }
        }
        for (String p : posts) {
            if (text.startsWith(p, after)) {
                return new Mention(p, at, after + p.length(), false);
            }
        }
        return null;
    }

    /**
     * Whether {@code post} as written is one of the registry's posts (split at 、，,/ and spaces) or shortens one
     * without dropping a rank qualifier.
     */
    private boolean rightPost(String post, String registered) {
        for (String token : registered.split("[、，,/；;\\s]+")) {
            if (token.equals(post)) {
                return true;
            }
            if (token.endsWith(post)) {
                String prefix = token.substring(0, token.length() - post.length());
                if (rules.leaders().qualifiers().stream().noneMatch(prefix::endsWith)) {
                    return true;
                }
            }
        }
        return false;
    }
}
