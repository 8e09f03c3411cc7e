package org.egovmonitor.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets and their digests. Session ids never reach the database: only their SHA-256 does. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: generated passwords are read off a terminal and typed in. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Tokens() {
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    public static String newSessionId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The session's CSRF token, derived from the secret session id so it needs no storage, and distinct from both
     * the cookie value and the stored hash (neither of which can be turned into it without the raw id).
     */
    public static String csrfToken(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("egov-csrf:" + sessionId));
    }

    /** Constant-time comparison of two strings (null never equals anything). */
    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String newPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }
}
