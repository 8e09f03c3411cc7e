package org.egovmonitor.crawler.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.platform.RuleFile;
import org.egovmonitor.platform.RuleProblems;

/**
 * {@code crawlers/checks.yml}: the rules of the inspection checks (service-guide elements and their synonyms, word
 * lists, technical and content-safety settings) and the check budget. Read by {@link RuleFile}: a bad file fails
 * with a message naming the file, line, field and reason. Each group of checks owns its block and builds its
 * checks from it.
 */
public final class InspectionRules {

    /** The file's shape: one block per group of checks. Unknown keys are errors. */
    public record File(Integer maxCheckPagesPerSite, ServiceGuideRules serviceGuide, WordingRules wording,
                       TechnicalRules technical, SafetyRules safety) {
    }

    private final File file;

    private InspectionRules(File file) {
        this.file = file;
    }

    public static InspectionRules parse(String yaml, String source) {
        return checked(RuleFile.parse(yaml, source, File.class));
    }

    public static InspectionRules load(Path path) {
        return checked(RuleFile.read(path, File.class));
    }

    private static InspectionRules checked(RuleFile<File> rf) {
        RuleProblems problems = new RuleProblems();
        File f = rf.content();
        if (f == null) {
            problems.add("", "文件为空");
        } else {
            if (f.maxCheckPagesPerSite() == null || f.maxCheckPagesPerSite() < 0) {
                problems.add("maxCheckPagesPerSite", "必须是不小于 0 的整数，实为 " + f.maxCheckPagesPerSite());
            }
            require(f.serviceGuide(), "serviceGuide", problems);
            require(f.wording(), "wording", problems);
            require(f.technical(), "technical", problems);
            require(f.safety(), "safety", problems);
            if (f.serviceGuide() != null) {
                f.serviceGuide().validate("serviceGuide", problems);
            }
            if (f.wording() != null) {
                f.wording().validate("wording", problems);
            }
            if (f.technical() != null) {
                f.technical().validate("technical", problems);
            }
            if (f.safety() != null) {
                f.safety().validate("safety", problems);
            }
        }
        rf.check(problems);
        return new InspectionRules(f);
    }

    private static void require(Object block, String field, RuleProblems problems) {
        if (block == null) {
            problems.add(field, "缺少此项");
        }
    }

    /** Pages the checks of one site may GET beyond the measurement's own (guide pages, articles, probes). */
    public int maxCheckPagesPerSite() {
        return file.maxCheckPagesPerSite();
    }

    /** Every check, in the order they run and are reported. */
    public List<SiteCheck> checks() {
        List<SiteCheck> all = new ArrayList<>();
        all.addAll(file.serviceGuide().checks());
        all.addAll(file.wording().checks());
        all.addAll(file.technical().checks());
        all.addAll(file.safety().checks());
        return List.copyOf(all);
    }
}
