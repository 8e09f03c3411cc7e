package org.egovmonitor.platform;

/**
 * One problem of a rule file's content, named by the path of its field ({@code families[3].windowDays}); the
 * {@link RuleFile} that read the file adds its name and the field's line.
 *
 * @param field  path of the field, {@code ""} for the file as a whole
 * @param reason what is wrong, in Chinese, for the operator who edits the file
 */
public record RuleProblem(String field, String reason) {
}
