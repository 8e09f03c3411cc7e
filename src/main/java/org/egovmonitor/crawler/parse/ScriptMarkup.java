package org.egovmonitor.crawler.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markup an inline script writes into the page: many government CMS (TRS above all) print their column menus
 * with {@code document.write('<li><a href="../ysqgk/">'+str3+'</a></li>')}, and modern sites fill a header with
 * {@code element.innerHTML = headerStr}. No script is run: string literals are read, and plain variables assigned
 * from string expressions ({@code var str3='依申请公开';}) are substituted where they are concatenated. Anything else
 * (function calls, arithmetic, conditions) contributes nothing. Pure; linear in the script, bounded in output.
 *
 * <p>One instance reads the scripts of one page in document order, so a variable set in one script (the header
 * markup) is known where a later script writes it.
 */
public final class ScriptMarkup {

    /** Scripts longer than this are not read (a library, not a menu). */
    static final int MAX_SCRIPT_CHARS = 256 * 1024;

    /** Markup collected per page, at most; a hostile script cannot make a page grow without bound. */
    static final int MAX_OUTPUT_CHARS = 512 * 1024;

    /** Variables kept per page, at most. */
    static final int MAX_VARIABLES = 2_000;

    private static final Pattern WRITE = Pattern.compile(
            "document\\s*\\.\\s*write(?:ln)?\\s*\\(|\\.\\s*innerHTML\\s*\\+?=|\\.\\s*insertAdjacentHTML\\s*\\(\\s*"
                    + "(?:'[^']*'|\"[^\"]*\")\\s*,|(?:^|[;{}\\s])(?:var|let|const)?\\s*([A-Za-z_$][\\w$]*)\\s*(\\+?)=(?!=)");

    private final Map<String, String> variables = new HashMap<>();
    private int produced;

    /** The markup the script writes (empty when it writes none). */
    public String written(String script) {
        if (script == null || script.length() > MAX_SCRIPT_CHARS || produced >= MAX_OUTPUT_CHARS) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher m = WRITE.matcher(script);
        int from = 0;
        while (from < script.length() && m.find(from)) {
            int[] end = new int[1];
            String value = expression(script, m.end(), end);
            from = Math.max(end[0], m.end());
            String name = m.group(1);
            if (name != null) {
                if (value != null && (variables.size() < MAX_VARIABLES || variables.containsKey(name))) {
                    String before = m.group(2).isEmpty() ? "" : variables.getOrDefault(name, "");
                    variables.put(name, cap(before + value));
                }
            } else if (value != null) {
                out.append(value);
            }
            if (produced + out.length() >= MAX_OUTPUT_CHARS) {
                break;
            }
        }
        String html = out.length() > MAX_OUTPUT_CHARS - produced ? out.substring(0, MAX_OUTPUT_CHARS - produced)
                : out.toString();
        produced += html.length();
        return html;
    }

    private static String cap(String s) {
        return s.length() > MAX_OUTPUT_CHARS ? s.substring(0, MAX_OUTPUT_CHARS) : s;
    }

    /**
     * Reads a concatenation of string literals and known variables starting at {@code start}, up to the end of the
     * statement (a top-level {@code ;}, {@code )}, {@code ,} or line end not followed by {@code +}). Returns null
     * when no term was a string (the expression is not markup), and the end position in {@code end[0]}.
     */
    private String expression(String s, int start, int[] end) {
        StringBuilder value = new StringBuilder();
        boolean anyString = false;
        int i = start;
        int n = s.length();
        while (i < n) {
            i = skipSpace(s, i);
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = literalEnd(s, i);
                value.append(unescape(s, i + 1, close));
                anyString = true;
                i = Math.min(n, close + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < n && (Character.isJavaIdentifierPart(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                String name = s.substring(i, j);
                String known = variables.get(name);
                if (known != null) {
                    value.append(known);
                    anyString = true;
                } else {
                    int open = skipSpace(s, j);
                    if (open < n && s.charAt(open) == '(') {
                        // A call: its value is unknown; skip its arguments.
                        j = matching(s, open);
                    }
                }
                i = j;
            } else if (c == '(') {
                i = matching(s, i);
            } else {
                i++;
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
            }
            int k = skipSpace(s, i);
            if (k < n && s.charAt(k) == '+') {
                i = k + 1;
                continue;
            }
            i = k;
            break;
        }
        end[0] = i;
        return anyString ? value.toString() : null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index of the quote closing the literal opened at {@code open} (or the string's end). */
    private static int literalEnd(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == q) {
                return i;
            } else if (c == '\n' && q != '`') {
                return i;
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** Index after the parenthesis matching the one at {@code open}, skipping literals; the end when unmatched. */
    private static int matching(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = literalEnd(s, i) + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return s.length();
    }

    private static String unescape(String s, int from, int to) {
        StringBuilder b = new StringBuilder(Math.max(0, to - from));
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                b.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'n', 'r', 't' -> b.append(' ');
                case 'u' -> {
                    if (i + 6 <= to && s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 6;
                        continue;
                    }
                    b.append('u');
                }
                case 'x' -> {
                    if (i + 4 <= to && s.substring(i + 2, i + 4).matches("[0-9a-fA-F]{2}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                        i += 4;
                        continue;
                    }
                    b.append('x');
                }
                default -> b.append(e);
            }
            i += 2;
        }
        return b.toString();
    }
}
