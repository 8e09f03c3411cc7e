package org.egovmonitor.crawler.parse;

import java.util.List;

/**
 * The words that read messages and their replies on interactive sections: the {@code messages:} block of
 * {@code crawlers/sections.yml}, where each list is documented. Plain data; {@link MessageListReader} matches them.
 *
 * @param answered      status words meaning answered (已回复, 已办结 …)
 * @param pending       status words meaning still waiting (未回复, 办理中, 已受理 …)
 * @param askedLabels   labels of the day a message was asked (来信时间 …), the most specific first
 * @param repliedLabels labels of the day it was answered (回复时间, 办结时间 …)
 * @param replyLabels   labels of the reply itself (答复内容, 回复 …): a reply shown after one means answered
 * @param statusHeaders labels and column headers of a status (状态, 办理状态 …)
 */
public record MessageVocabulary(List<String> answered, List<String> pending, List<String> askedLabels,
                                List<String> repliedLabels, List<String> replyLabels, List<String> statusHeaders) {

    public MessageVocabulary {
        answered = List.copyOf(answered);
        pending = List.copyOf(pending);
        askedLabels = List.copyOf(askedLabels);
        repliedLabels = List.copyOf(repliedLabels);
        replyLabels = List.copyOf(replyLabels);
        statusHeaders = List.copyOf(statusHeaders);
    }
}
