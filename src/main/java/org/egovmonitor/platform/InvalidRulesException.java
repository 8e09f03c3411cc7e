package org.egovmonitor.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule values that break a rule, built without a file (in code or from a request); a {@link RuleFile} that built them
 * from its content turns this into a {@link RuleFileException} naming its file and lines.
 */
public class InvalidRulesException extends IllegalArgumentException {

    private final List<RuleProblem> problems;

    public InvalidRulesException(List<RuleProblem> problems) {
        super(problems.stream().map(p -> p.field().isEmpty() ? p.reason() : p.field() + "：" + p.reason())
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
