package org.egovmonitor.scoring;

import java.util.List;

/** The indicator catalogue is missing, unreadable or invalid; the message names the file and every bad key. */
public class IndicatorCatalogueException extends RuntimeException {

    private final List<String> problems;

    public IndicatorCatalogueException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public IndicatorCatalogueException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** One line per problem, each naming its key (e.g. {@code indicators[2] (blank_sections).params.vetoAt}). */
    public List<String> problems() {
        return problems;
    }
}
