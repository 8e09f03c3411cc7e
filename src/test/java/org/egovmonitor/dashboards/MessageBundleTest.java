package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.egovmonitor.jobs.JobName;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The message bundle and what uses it agree: every enum constant served to the pages and every job has its words,
 * and every key is used — an enum label by a served enum's constant, a job's by a job, an indicator parameter's by
 * the catalogue, any other key by the code that names it (or names its prefix, as {@code "schedule.weekday."}).
 */
class MessageBundleTest {

    static final Path MAIN = Path.of("src", "main", "java");
    static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z][\\w.-]*)\"");

    @Test
    void everyServedEnumConstantAndEveryJob_hasItsWords() {
        List<String> missing = new ArrayList<>();
        for (LabelsResource.LabelledEnum<?> e : LabelsResource.SERVED) {
            for (Enum<?> c : e.type().getEnumConstants()) {
                String key = Messages.enumKey(e.type(), c.name());
                if (!Messages.has(key)) {
                    missing.add(key);
                }
            }
        }
        for (JobName job : JobName.values()) {
            for (String key : List.of("job." + job.id() + ".name", "job." + job.id() + ".description")) {
                if (!Messages.has(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Messages.get("enum.Grade.FAIL")).isEqualTo("不合格");
        assertThat(Messages.get("summary.availability", 33, 32, 1, 0, 0)).startsWith("33 个网站：32 个可访问");
    }

    @Test
    void everyKey_isUsed() throws IOException {
        Set<String> enumKeys = new LinkedHashSet<>();
        LabelsResource.SERVED.forEach(e -> Arrays.stream(e.type().getEnumConstants())
                .forEach(c -> enumKeys.add(Messages.enumKey(e.type(), c.name()))));
        Set<String> jobKeys = new LinkedHashSet<>();
        Arrays.stream(JobName.values()).forEach(j -> {
            jobKeys.add("job." + j.id() + ".name");
            jobKeys.add("job." + j.id() + ".description");
        });
        Set<String> params = new LinkedHashSet<>();
        IndicatorCatalogue.loadDefault().indicators().forEach(i -> params.addAll(i.params().keySet()));
        Set<String> literals = literalsOfMainSources();

        List<String> dead = new ArrayList<>();
        for (String key : Messages.keys()) {
            boolean used;
            if (key.startsWith("enum.")) {
                used = enumKeys.contains(key);
            } else if (key.startsWith("job.")) {
                used = jobKeys.contains(key);
            } else if (key.startsWith("param.")) {
                used = params.contains(key.substring("param.".length()));
            } else {
                used = literals.contains(key) || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
            }
            if (!used) {
                dead.add(key);
            }
        }
        assertThat(dead).as("bundle keys nothing uses").isEmpty();
        assertThat(params).as("indicator parameters without a name").allMatch(p -> Messages.has("param." + p));
    }

    /** Every string literal of the production code that could be a key. */
    static Set<String> literalsOfMainSources() throws IOException {
        Set<String> literals = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        return literals;
    }
}
