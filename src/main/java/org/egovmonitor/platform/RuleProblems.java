package org.egovmonitor.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a rule file's content, so that one start reports them all, not just the first. */
public final class RuleProblems {

    private final List<RuleProblem> problems = new ArrayList<>();

    public void add(String field, String reason) {
        problems.add(new RuleProblem(field, reason));
    }

    public void addAll(List<RuleProblem> more) {
        problems.addAll(more);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Whether a problem was found at or under {@code field}. */
    public boolean anyUnder(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field) || p.field().startsWith(field + ".")
                || p.field().startsWith(field + "["));
    }

    public List<RuleProblem> list() {
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidRulesException} when a problem was found (for values built outside a file). */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(list());
        }
    }
}
