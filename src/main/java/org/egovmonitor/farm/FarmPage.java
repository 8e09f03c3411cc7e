package org.egovmonitor.farm;

/**
 * One pre-rendered response.
 *
 * @param contentType the Content-Type header value, exactly as sent (may or may not name a charset)
 * @param body        the body bytes
 * @param status      the HTTP status
 */
public record FarmPage(String contentType, byte[] body, int status) {
}
