package org.egovmonitor.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule file in {@code crawlers/} is unreadable or breaks its rules. The message has one line per problem, each
 * naming the file, the line, the field and the reason:
 * {@code crawlers/sections.yml 第 42 行 families[3].windowDays：必须是正整数或留空，实为 -1}.
 */
public class RuleFileException extends RuntimeException {

    /**
     * One problem where it is: file, line (1-based; 0 when the file could not be read at all), field path
     * ({@code ""} for the file as a whole), reason.
     */
    public record Problem(String file, int line, String field, String reason) {
        public String message() {
            return file + (line > 0 ? " 第 " + line + " 行" : "") + (field.isEmpty() ? "" : " " + field) + "："
                    + reason;
        }
    }

    private final List<Problem> problems;

    public RuleFileException(List<Problem> problems, Throwable cause) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
