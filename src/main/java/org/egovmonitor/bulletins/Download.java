package org.egovmonitor.bulletins;

/**
 * A file to send: its bytes, format, an ASCII file name for old clients and the Chinese one (sent as RFC 5987
 * {@code filename*}).
 */
public record Download(byte[] bytes, ReportFormat format, String asciiName, String chineseName) {
}
