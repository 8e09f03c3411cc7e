package org.egovmonitor.platform;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.platform.RuleFileAssert.failsWith;

/** The loader itself, on a small shape: where each kind of problem is reported. */
class RuleFileTest {

    record Shape(String name, Integer days, List<Item> items) {
    }

    record Item(String id, Double weight) {
    }

    private static final String GOOD = """
            # a comment
            name: x
            days: 3
            items:
              - id: a
                weight: 1.5
              - id: b
                weight: 2
            """;

    @Test
    void parse_goodFile_contentAndLines() {
        RuleFile<Shape> file = RuleFile.parse(GOOD, "r.yml", Shape.class);
        assertThat(file.content()).isEqualTo(new Shape("x", 3, List.of(new Item("a", 1.5), new Item("b", 2.0))));
        assertThat(file.lineOf("name")).isEqualTo(2);
        assertThat(file.lineOf("items")).isEqualTo(4);
        assertThat(file.lineOf("items[1]")).isEqualTo(7);
        assertThat(file.lineOf("items[1].weight")).isEqualTo(8);
        // a missing key is reported where its block starts; the file as a whole on line 1
        assertThat(file.lineOf("items[1].hint")).isEqualTo(7);
        assertThat(file.lineOf("")).isEqualTo(1);
    }

    @Test
    void parse_emptyFile_noContent() {
        assertThat(RuleFile.parse("# only a comment\n", "r.yml", Shape.class).content()).isNull();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unknown key", GOOD.replace("    weight: 2", "    wieght: 2"), 8, "items[1].wieght",
                        "未知的键（可用的键：id、weight）"),
                Arguments.of("wrong type", GOOD.replace("days: 3", "days: three"), 3, "days", "必须是整数，实为 three"),
                Arguments.of("fraction for a whole number", GOOD.replace("days: 3", "days: 3.5"), 3, "days",
                        "必须是整数，实为 3.5"),
                Arguments.of("mapping for a list", GOOD.replace("items:\n", "items:\n  x: 1\nother:\n"), 4,
                        "items", "必须是一个列表，实为一个映射"),
                Arguments.of("syntax error", GOOD.replace("days: 3", "days: 3: 4"), 3, "days", "YAML 语法错误（"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void parse_broken_namesLineFieldAndReason(String name, String yaml, int line, String field, String reason) {
        failsWith(() -> RuleFile.parse(yaml, "r.yml", Shape.class), "r.yml", line, field, reason);
    }

    @Test
    void check_problems_locatedByField() {
        RuleFile<Shape> file = RuleFile.parse(GOOD, "r.yml", Shape.class);
        RuleProblems problems = new RuleProblems();
        problems.add("items[1].weight", "太重");
        problems.add("items[0].hint", "缺少此项");
        failsWith(() -> file.check(problems), "r.yml", 8, "items[1].weight", "太重");
        failsWith(() -> file.check(problems), "r.yml", 5, "items[0].hint", "缺少此项");
    }

    @Test
    void build_invariantBroken_reportedAgainstTheFile() {
        RuleFile<Shape> file = RuleFile.parse(GOOD, "r.yml", Shape.class);
        failsWith(() -> file.build(s -> {
            throw new InvalidRulesException(List.of(new RuleProblem("days", "必须大于 5，实为 3")));
        }), "r.yml", 3, "days", "必须大于 5，实为 3");
    }
}
