package org.egovmonitor.crawler.fetch;

/** Internal: a fetch step failed with a known kind. Never escapes the fetcher (it becomes a FetchResult). */
final class FetchFailure extends Exception {

    private final FetchErrorKind kind;
    private final int status;
    private String contentType;

    FetchFailure(FetchErrorKind kind, String detail) {
        this(kind, detail, 0);
    }

    FetchFailure(FetchErrorKind kind, String detail, int status) {
        super(detail, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    FetchErrorKind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    FetchFailure withContentType(String value) {
        this.contentType = value;
        return this;
    }

    String contentType() {
        return contentType;
    }
}
