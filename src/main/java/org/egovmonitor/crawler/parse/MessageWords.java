package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message vocabulary as a matcher. Wherever words compete the longest wins, so 未办结 is read as pending and never
 * as 办结, 回复时间 as a reply-date label and never as the reply label 回复, and 已回复 in front of a date as a status,
 * not as the label 回复. Immutable.
 */
final class MessageWords {

    enum Kind {
        ANSWERED, PENDING, ASKED_LABEL, REPLIED_LABEL, REPLY_LABEL, STATUS_HEADER;

        boolean isStatus() {
            return this == ANSWERED || this == PENDING;
        }

        boolean isLabel() {
            return !isStatus();
        }
    }

    /** @param rank position in its list of the vocabulary: for asked labels, lower is more specific */
    record Word(String text, Kind kind, int rank) {
    }

    /** A word found in a text at {@code [start, end)}. */
    record Found(Word word, int start, int end) {
    }

    /** Words by first character, longest first. */
    private final Map<Character, List<Word>> byFirst = new HashMap<>();
    private final int maxLength;

    MessageWords(MessageVocabulary v) {
        add(v.answered(), Kind.ANSWERED);
        add(v.pending(), Kind.PENDING);
        add(v.askedLabels(), Kind.ASKED_LABEL);
        add(v.repliedLabels(), Kind.REPLIED_LABEL);
        add(v.replyLabels(), Kind.REPLY_LABEL);
        add(v.statusHeaders(), Kind.STATUS_HEADER);
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed()));
        maxLength = byFirst.values().stream().mapToInt(l -> l.get(0).text().length()).max().orElse(0);
    }

    private void add(List<String> words, Kind kind) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            byFirst.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(new Word(w, kind, i));
        }
    }

    /** The longest word starting at {@code i}, or null. */
    Word longestAt(String s, int i) {
        List<Word> candidates = byFirst.get(s.charAt(i));
        if (candidates != null) {
            for (Word w : candidates) {
                if (s.startsWith(w.text(), i)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** Every word in {@code s}, left to right, the longest at each position, none overlapping. */
    List<Found> scan(String s) {
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            Word w = longestAt(s, i);
            if (w == null) {
                i++;
            } else {
                out.add(new Found(w, i, i + w.text().length()));
                i += w.text().length();
            }
        }
        return out;
    }

    /**
     * The word {@code s} ends with, once trailing punctuation and spaces are dropped ({@code 来信时间：} ends with
     * 来信时间), the longest that does; null when none.
     */
    Word suffix(String s) {
        int end = s.length();
        while (end > 0 && !Character.isLetterOrDigit(s.charAt(end - 1))) {
            end--;
        }
        for (int start = Math.max(0, end - maxLength); start < end; start++) {
            List<Word> candidates = byFirst.get(s.charAt(start));
            if (candidates == null) {
                continue;
            }
            for (Word w : candidates) {
                if (w.text().length() == end - start && s.startsWith(w.text(), start)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** The word at the start of {@code s} (leading punctuation and spaces skipped), or null. */
    Found prefix(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return null;
        }
        Word w = longestAt(s, i);
        return w == null ? null : new Found(w, i, i + w.text().length());
    }
}
