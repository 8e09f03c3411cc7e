package org.egovmonitor.auth;

/**
 * Control characters in text that came from a client. A NUL cannot be stored in PostgreSQL text (the audit insert
 * failed and the attempt went unrecorded), and CR/LF in a logged value let a client forge whole log lines, so
 * credentials carrying them are refused at the edge and every such value is escaped before it is logged or audited.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** Whether {@code s} holds a control character (C0, DEL, C1) or a Unicode line/paragraph separator. */
    public static boolean containsAny(String s) {
        return s != null && s.codePoints().anyMatch(ControlChars::isControl);
    }

    /**
     * {@code s} with every control character written as an escape: \n, \r, \t, the others as a backslash, "u" and
     * four hex digits (JSON style); a backslash itself is doubled.
     */
    public static String escape(String s) {
        if (s == null || !containsAny(s) && s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Escaped too, so that an escaped control character and the same text typed literally differ.
                case '\\' -> out.append("\\\\");
                default -> {
                    if (isControl(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
