package org.egovmonitor.demo.farm;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Shared helpers for the farm tests. */
final class FarmFixtures {

    static final LocalDate NOW = LocalDate.of(2025, 4, 15);
    static final List<String> PEERS = List.of("http://127.0.1.200:8080/", "http://127.0.1.201:8080/");

    private FarmFixtures() {
    }

    static SiteSpec randomSpec(long seed) {
        return SiteSpec.random(seed, "127.0.1.7", 8080, NOW.minusDays(seed % 400)).withPeers(PEERS);
    }

    /** Decodes a page the way the site means it (GBK bytes are read as GB18030). */
    static String decode(FarmPage page, PageCharset charset) {
        return new String(page.body(), charset.isGbk() ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
    }

    static boolean validIn(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Path and query of an absolute URL, as the farm keys its pages. */
    static String pathQuery(String url) {
        URI u = URI.create(url);
        String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    }
}
