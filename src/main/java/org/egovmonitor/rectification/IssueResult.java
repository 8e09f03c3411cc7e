package org.egovmonitor.rectification;

import java.util.List;

/** What an issue request made: the new tasks, and the findings skipped because an open task already covers them. */
public record IssueResult(List<RectificationTask> issued, List<RectificationTask> alreadyOpen) {
}
