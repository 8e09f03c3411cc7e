package org.egovmonitor.platform;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words the application says to users, from one bundle per language ({@code org/egovmonitor/messages_zh_CN
 * .properties}, UTF-8): enum labels, job names, schedules and run causes, run summaries, and the CLI's help. Keys of
 * enum labels are {@code enum.<SimpleName>.<CONSTANT>}; other keys name what they say. Patterns use
 * {@link String#format} with {@link Locale#ROOT} (numbers without grouping, as the pages print them).
 *
 * <p>Only simplified Chinese exists today; the bundle is loaded without falling back to the JVM's locale so that a
 * server started under another locale still speaks Chinese.
 */
public final class Messages {

    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    static final String BUNDLE = "org.egovmonitor.messages";
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(BUNDLE, LOCALE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Messages() {
    }

    /** The text under {@code key}, formatted with {@code args} when there are any. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = TEXTS.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** The text under {@code key}, or {@code fallback} when the bundle has none (a stored value of a newer version). */
    public static String getOrDefault(String key, String fallback) {
        return TEXTS.containsKey(key) ? TEXTS.getString(key) : fallback;
    }

    /** A list under {@code key}, written comma-separated (the columns of a CSV export). */
    public static List<String> list(String key) {
        return List.of(get(key).split(","));
    }

    public static boolean has(String key) {
        return TEXTS.containsKey(key);
    }

    /** The user's name of an enum constant: {@code enum.Grade.FAIL} → 不合格. */
    public static String label(Enum<?> constant) {
        return get(enumKey(constant.getDeclaringClass(), constant.name()));
    }

    public static String enumKey(Class<?> type, String constant) {
        return "enum." + type.getSimpleName() + "." + constant;
    }

    /** Every key of the bundle, sorted (the bundle test checks that each is used). */
    public static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        Enumeration<String> e = TEXTS.getKeys();
        keys.addAll(Collections.list(e));
        return Collections.unmodifiableSet(keys);
    }

    /** The keys under {@code prefix} (e.g. {@code "cause."}), sorted. */
    public static List<String> keysUnder(String prefix) {
        return keys().stream().filter(k -> k.startsWith(prefix)).toList();
    }
}
