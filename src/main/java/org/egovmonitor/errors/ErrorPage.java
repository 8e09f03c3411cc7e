package org.egovmonitor.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.egovmonitor.platform.Messages;

/**
 * The HTML answer to a failed page request (a dashboard the role may not open, an unknown page): a person reads it,
 * so it is a page in the dashboards' look rather than the API's JSON. The message is escaped; no script, no inline
 * style (the CSP forbids both).
 */
final class ErrorPage {

    private ErrorPage() {
    }

    /** Whether a request path is a page (everything but the API and the auth endpoints). */
    static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/auth/"));
    }

    static Response of(int status, String message) {
        String title = status == 403 || status == 404 ? Messages.get("error.page.title." + status)
                : Messages.get("error.page.title.other");
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                    <meta charset="UTF-8">
                    <title>%d %s · %s</title>
                    <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                <main class="login">
                    <h1>%s</h1>
                    <p class="message error">%s</p>
                    <p class="hint"><a href="/">%s</a> · <a href="/login.html">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(status, title, Messages.get("error.page.site"), title, escape(message),
                        Messages.get("error.page.home"), Messages.get("error.page.relogin"));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
