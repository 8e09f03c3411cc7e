package org.egovmonitor.registry;

import java.util.List;

/** The unit's leaders, in order: {@code {"leaders": [{"name": "张三", "post": "局长"}, …]}}. */
public record LeadersRequest(List<Leader> leaders) {

    /** Leaders one unit may list at most. */
    static final int MAX = 30;

    public record Leader(String name, String post) {
    }
}
