package org.egovmonitor.crawler.parse;

/** Whether a message (信件, 留言) has been answered, as far as its site shows. */
public enum MessageState {
    /** The site shows a reply: a reply date, an answered status (已回复, 已办结 …) or the reply itself. */
    ANSWERED,
    /** The site shows it waiting: 未回复, 办理中, 已受理 … */
    PENDING,
    /** The site shows neither: the message is listed, its fate is not. */
    UNKNOWN
}
