package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.crawler.measure.SectionReader.SectionRead;
import org.egovmonitor.crawler.parse.MessageEntry;
import org.egovmonitor.crawler.parse.MessageListReader;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.jsoup.nodes.Document;

/**
 * Follows an interactive section's messages (信箱, 留言) to their own pages when the list left their state or, once
 * answered, their reply date open: per section the first {@code maxMessagePages} such pages on the site's own hosts,
 * in list order, within what the page budget leaves, as {@link MeasurementEngine#MESSAGE} fetches. A page read
 * completes every listed message that links to it; a page that fails leaves its message as the list showed it.
 */
final class MessagePageFollower {

    private final MessageListReader messageReader;
    private final int maxMessagePages;

    MessagePageFollower(MessageListReader messageReader, int maxMessagePages) {
        this.messageReader = messageReader;
        this.maxMessagePages = maxMessagePages;
    }

    /** Completes the messages of {@code reads} in place from at most {@code left} message pages. */
    void follow(List<SectionRead> reads, Set<String> hosts, int left, SiteFetches site, LocalDate now) {
        List<URI> todo = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        for (SectionRead r : reads) {
            int taken = 0;
            for (MessageEntry m : r.messages()) {
                if (taken >= maxMessagePages || todo.size() >= left) {
                    break;
                }
                URI uri = m.wantsDetail() ? MeasurementEngine.toUri(m.url()) : null;
                String host = uri == null ? null : UrlNormalizer.host(m.url());
                if (host != null && hosts.contains(host.toLowerCase(Locale.ROOT)) && chosen.add(m.url())) {
                    todo.add(uri);
                    taken++;
                }
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        // Each page is read as soon as it arrives and dropped: only its few facts are kept.
        List<MessageListReader.MessagePage> read = site.inParallel(todo, uri -> {
            Document doc = site.get(uri, MeasurementEngine.MESSAGE).document();
            return doc == null ? null : messageReader.readPage(doc, now);
        });
        Map<String, MessageListReader.MessagePage> byUrl = new HashMap<>();
        for (int i = 0; i < todo.size(); i++) {
            if (read.get(i) != null) {
                byUrl.put(todo.get(i).toString(), read.get(i));
            }
        }
        for (SectionRead r : reads) {
            r.messages().replaceAll(m -> {
                MessageListReader.MessagePage page = m.wantsDetail() ? byUrl.get(m.url()) : null;
                return page == null ? m : MessageListReader.withPage(m, page);
            });
        }
    }
}
