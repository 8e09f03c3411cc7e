package org.egovmonitor.platform;

/** One-line descriptions of failures for run records and probe results, where a stack trace would not fit. */
public final class Failures {

    private Failures() {
    }

    /** A throwable as one line: its class and message, and its root cause's when different. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? own : own + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
