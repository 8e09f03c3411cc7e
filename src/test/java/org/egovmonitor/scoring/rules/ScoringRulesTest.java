package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.ScoringRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScoringRulesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RuleType.class)
    void standard_everyRuleType_hasItsOwnClass(RuleType type) {
        assertThat(ScoringRules.STANDARD.forType(type).type()).isEqualTo(type);
    }

    @Test
    void of_ruleTypeWithoutClass_failsNamingIt() {
        List<ScoringRule> rules = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            if (type != RuleType.LIAISON) {
                rules.add(ScoringRules.STANDARD.forType(type));
            }
        }
        assertThatThrownBy(() -> ScoringRules.of(rules)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIAISON has no rule class");
    }

    @Test
    void of_twoClassesForOneType_failsNamingBoth() {
        List<ScoringRule> rules = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            rules.add(ScoringRules.STANDARD.forType(type));
        }
        rules.add(new LiaisonRule());
        assertThatThrownBy(() -> ScoringRules.of(rules)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIAISON is judged by both LiaisonRule and LiaisonRule");
    }
}
