package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeUnit;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence.InteractionFacts;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionRuleTest {

    static UnitEvidence.Message asked(int daysAgo, Integer answeredAfter, MessageState state) {
        return new UnitEvidence.Message("http://site.test/msg/" + daysAgo, DAY.minusDays(daysAgo),
                answeredAfter == null ? null : DAY.minusDays(daysAgo).plusDays(answeredAfter), state);
    }

    // Weight 8; lookbackDays 365, deductAfterDays 20, pointsPerLateReply 2, warnAfterDays 60, vetoAfterDays 90;
    // facts read more than maxMeasurementAgeDays (7) ago are no data.
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not read", null, "NO_DATA 0.0 D0 W0"),
                Arguments.of("no message", new InteractionFacts(List.of()), "SCORED 8.0 D0 W0"),
                Arguments.of("answered in 10 days", new InteractionFacts(List.of(asked(30, 10,
                        MessageState.ANSWERED))), "SCORED 8.0 D0 W0"),
                Arguments.of("answered in 30 days", new InteractionFacts(List.of(asked(100, 30,
                        MessageState.ANSWERED))), "SCORED 6.0 D1 W0"),
                Arguments.of("pending 70 days", new InteractionFacts(List.of(asked(70, null,
                        MessageState.PENDING))), "SCORED 6.0 D1 W1"),
                Arguments.of("pending 100 days", new InteractionFacts(List.of(asked(100, null,
                        MessageState.PENDING))), "SCORED 6.0 veto D1 W0"),
                Arguments.of("answered without a reply date", new InteractionFacts(List.of(asked(100, null,
                        MessageState.ANSWERED))), "SCORED 8.0 D0 W0"),
                Arguments.of("asked before the lookback", new InteractionFacts(List.of(asked(400, null,
                        MessageState.PENDING))), "SCORED 8.0 D0 W0"),
                Arguments.of("only messages of unknown state", new InteractionFacts(List.of(asked(10, null,
                        MessageState.UNKNOWN))), "NO_DATA 0.0 D0 W0"),
                Arguments.of("read 8 days ago", new InteractionFacts(List.of(), DAY.minusDays(8)),
                        "NO_DATA 0.0 D0 W0"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void judge_replyTimes_deductWarnVeto(String name, InteractionFacts facts, String expected) {
        Judgement j = judgeUnit(new InteractionRule(),
                ScoringFixtures.withInteraction(ScoringFixtures.healthy("u"), facts));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
