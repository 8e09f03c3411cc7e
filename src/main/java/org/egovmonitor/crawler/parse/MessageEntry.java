package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A message (信件, 留言) of an interactive section, as its list and, when read, its own page show it.
 *
 * @param title      the entry's link text, as decoded (cut to {@link MessageListReader#MAX_TITLE_CHARS})
 * @param url        the absolute URL of the message's own page, or null when its link is not a usable http(s) URL
 * @param askedOn    the day it was asked, or null when not shown
 * @param answeredOn the day it was answered, or null: unanswered, or answered without the reply date being shown
 * @param state      what the site says about it
 */
public record MessageEntry(String title, String url, LocalDate askedOn, LocalDate answeredOn, MessageState state) {

    public MessageEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
    }

    /** A listed entry is a message when the site shows when it was asked or what became of it. */
    public boolean isMessage() {
        return askedOn != null || state != MessageState.UNKNOWN;
    }

    /**
     * Whether the message's own page may tell more than its list: its state, its reply date (answered without one)
     * or its asked date. An entry that shows neither a date nor a state is not taken for a message at all.
     */
    public boolean wantsDetail() {
        return url != null && isMessage() && (state == MessageState.UNKNOWN || askedOn == null
                || (state == MessageState.ANSWERED && answeredOn == null));
    }
}
