package org.egovmonitor.demo.farm;

/** How a generated site answers the messages (信件, 留言) of its interactive sections. */
public enum ReplyHabit {
    /** Every message answered within 15 days; only the last fortnight's wait. */
    PROMPT,
    /** Most answered within 15 days, about a third in 25 to 60 days: late replies, no message left for months. */
    LATE,
    /** As LATE, and one message on the first list page left unanswered for 100 to 300 days: a veto. */
    NEGLECTED
}
