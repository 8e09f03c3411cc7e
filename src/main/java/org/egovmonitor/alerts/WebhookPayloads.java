package org.egovmonitor.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The request bodies of the robot formats and DingTalk's signature. Pure. */
final class WebhookPayloads {

    /** WeCom's limit on a markdown message is 4096 bytes; DingTalk's is larger, the same cut keeps both readable. */
    static final int MAX_MARKDOWN_BYTES = 4000;

    private WebhookPayloads() {
    }

    /** The body for {@code format}; {@code kind} and {@code unitCode} go only into plain JSON (null for a digest). */
    static String body(ObjectMapper json, Channel format, AlertMessage message, String kind, String unitCode) {
        ObjectNode root = json.createObjectNode();
        switch (format) {
            case WECOM -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content", truncate(message.markdown(), MAX_MARKDOWN_BYTES));
            }
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("title", message.subject())
                        .put("text", truncate(message.markdown(), MAX_MARKDOWN_BYTES));
            }
            case JSON -> {
                root.put("kind", kind);
                root.put("unitCode", unitCode);
                root.put("subject", message.subject());
                root.put("text", message.body());
                root.put("link", message.link());
            }
            case EMAIL -> throw new IllegalArgumentException("e-mail is not a webhook format");
        }
        return root.toString();
    }

    /** DingTalk 加签: Base64(HmacSHA256(secret, timestamp + "\n" + secret)), sent as {@code sign} (URL-encoded). */
    static String dingTalkSign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sign = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sign);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** {@code text} cut to at most {@code maxBytes} of UTF-8, never inside a character, marked when cut. */
    static String truncate(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String mark = "\n…（内容过长，已截断）";
        int budget = maxBytes - mark.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + mark;
    }
}
