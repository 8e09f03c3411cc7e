package org.egovmonitor.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be beyond its length: not one of the commonest passwords (the bundled
 * {@code common-passwords.txt}, compared in lower case), not the account's own username or display name, and free of
 * control characters (which the login form refuses).
 */
final class PasswordPolicy {

    static final String COMMON_LIST = "common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The Chinese reason the password is refused, or empty when it is acceptable. */
    static Optional<String> problem(String password, String username, String displayName) {
        if (ControlChars.containsAny(password)) {
            return Optional.of("不能含有控制字符（如换行、制表符）");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("过于常见，很容易被猜中，请换一个");
        }
        if (sameText(lower, username) || sameText(lower, displayName)) {
            return Optional.of("不能与用户名或显示名称相同");
        }
        return Optional.empty();
    }

    private static boolean sameText(String lowerPassword, String name) {
        return name != null && !name.isBlank() && lowerPassword.equals(name.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
