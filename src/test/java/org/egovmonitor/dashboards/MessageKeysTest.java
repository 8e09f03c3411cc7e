package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.egovmonitor.errors.ApiExceptionMappers;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.PayloadTooLargeException;
import org.egovmonitor.platform.Messages;
import org.junit.jupiter.api.Test;

/**
 * The other direction of {@link MessageBundleTest}: every key the code asks for by name exists, and is asked for
 * with arguments exactly when its pattern has placeholders. A missing key would turn a user's 422 into a 500, and a
 * pattern read without its arguments would show "%s" to the user; neither would surface until that error happened.
 */
class MessageKeysTest {

    /** {@code Messages.get("key")} or {@code Messages.get("key", …)}; group 2 is "," when there are arguments. */
    static final Pattern GET = Pattern.compile("Messages\\.get\\(\\s*\"([a-zA-Z][\\w.-]*)\"\\s*([,)])");
    static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]");

    @Test
    void everyKeyTheCodeNames_existsAndGetsArgumentsExactlyWhenItsPatternHasPlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(MessageBundleTest.MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = GET.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    calls++;
                    String key = m.group(1);
                    boolean withArgs = m.group(2).equals(",");
                    if (!Messages.has(key)) {
                        problems.add(p.getFileName() + ": no key " + key);
                    } else if (withArgs != PLACEHOLDER.matcher(Messages.getOrDefault(key, "")).find()) {
                        problems.add(p.getFileName() + ": " + key + (withArgs ? " has no placeholder but gets arguments"
                                : " has placeholders but gets no arguments"));
                    }
                }
            }
        }
        assertThat(calls).as("Messages.get calls found").isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    @Test
    void errorTexts_readAsBefore() {
        assertThat(ApiExceptionMappers.messageFor(404)).isEqualTo("未找到请求的资源");
        assertThat(ApiExceptionMappers.messageFor(418)).isEqualTo("请求无法处理");
        assertThat(ApiExceptionMappers.messageFor(503)).isEqualTo("服务器内部错误");
        assertThat(PayloadTooLargeException.message(64 << 10)).isEqualTo("请求体过大（上限 64 KB）");
        assertThat(PayloadTooLargeException.message(1000)).isEqualTo("请求体过大（上限 1000 字节）");
        assertThat(FieldError.of("code", "不能为空").atLine(3).describe()).isEqualTo("第 3 行: 字段 code: 不能为空");
        assertThat(FieldError.of("code", "不能为空").describe()).isEqualTo("字段 code: 不能为空");
        assertThat(Messages.get("error.registry.hasSites", "a-b", 2)).isEqualTo("单位 a-b 仍有 2 个网站，请先删除或转移");
    }
}
