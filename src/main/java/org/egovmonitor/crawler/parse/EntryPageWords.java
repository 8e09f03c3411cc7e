package org.egovmonitor.crawler.parse;

import java.util.List;
import java.util.Locale;

/**
 * The words that recognise a homepage that is not the real homepage yet: the {@code entryPages:} block of
 * {@code crawlers/sections.yml}, where each key is documented. Plain data; {@link EntryPageFinder} applies it.
 *
 * @param entryTexts         texts of a splash page's way in (进入首页, ENTER), stored lower case without spaces
 * @param maxEntryTextLength longest link text that may merely contain an entry text
 * @param maxEntryPageLinks  most links a splash, wrapper or redirect page may have
 * @param mainFrameNames     names or ids of a frameset's content frame, stored lower case
 */
public record EntryPageWords(List<String> entryTexts, int maxEntryTextLength, int maxEntryPageLinks,
                             List<String> mainFrameNames) {

    /** Used when the catalogue has no {@code entryPages:} block: redirects and frames only, no splash words. */
    public static final EntryPageWords NONE = new EntryPageWords(List.of(), 0, 12, List.of());

    public EntryPageWords {
        entryTexts = entryTexts.stream().map(EntryPageWords::squeeze).filter(t -> !t.isEmpty()).distinct().toList();
        mainFrameNames = mainFrameNames.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (maxEntryTextLength < 0 || maxEntryPageLinks < 1) {
            throw new IllegalArgumentException("maxEntryTextLength must be 0 or more and maxEntryPageLinks positive");
        }
    }

    /** Lower case, without whitespace (ASCII, no-break and ideographic spaces). */
    static String squeeze(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u3000]+", "");
    }
}
