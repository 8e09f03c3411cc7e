package org.egovmonitor.jobs;

import io.dropwizard.configuration.ConfigurationParsingException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.web.StrictJsonModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crawl stage is not configurable: no setting names a class for the server to load. The scheduling tests used
 * to swap in a stand-in measurer and store through two such keys; a configuration still carrying one is now refused
 * at start, naming the key, instead of instantiating whatever class it names.
 */
class SchedulerConfigurationTest {

    /** Parsed and validated as at start (the application's object mapper); only the scheduler section varies. */
    private static EgovMonitorConfiguration parse(String schedulerLine) throws Exception {
        String yaml = "database:\n  url: jdbc:postgresql://127.0.0.1/egov\nscheduler:\n  " + schedulerLine + "\n";
        return new YamlConfigurationFactory<>(EgovMonitorConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(),
                StrictJsonModule.configure(Jackson.newObjectMapper()), "dw")
                .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"measurerClass", "observationStoreClass"})
    void classNameKey_anyValue_refusedNamingTheKey(String key) throws Exception {
        assertThat(parse("leaseSeconds: 60").getScheduler().getLeaseSeconds()).isEqualTo(60);

        assertThatThrownBy(() -> parse(key + ": java.lang.Object"))
                .isInstanceOf(ConfigurationParsingException.class)
                .hasMessageContaining("Unrecognized field at: scheduler." + key);
    }

    @org.junit.jupiter.api.Test
    void crawlWorkersPerNode_default_isAutoWithATwoHourWindow() throws Exception {
        SchedulerConfiguration c = parse("leaseSeconds: 60").getScheduler();
        assertThat(c.fixedCrawlWorkers()).isEmpty();
        assertThat(c.getCrawlWorkersPerNode()).isEqualTo("auto");
        assertThat(c.getRoundWindow().toJavaDuration()).isEqualTo(java.time.Duration.ofHours(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "AUTO", "'auto'"})
    void crawlWorkersPerNode_auto_accepted(String value) throws Exception {
        assertThat(parse("crawlWorkersPerNode: " + value).getScheduler().fixedCrawlWorkers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4", "256", "'12'"})
    void crawlWorkersPerNode_number_fixesTheWorkers(String value) throws Exception {
        assertThat(parse("crawlWorkersPerNode: " + value).getScheduler().fixedCrawlWorkers())
                .hasValue(Integer.parseInt(value.replace("'", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "257", "4.5", "lots", "''", "[4]"})
    void crawlWorkersPerNode_badValue_refusedInChineseNamingTheField(String value) {
        assertThatThrownBy(() -> parse("crawlWorkersPerNode: " + value))
                .isInstanceOf(ConfigurationParsingException.class)
                .hasMessageContaining("scheduler.crawlWorkersPerNode")
                .hasMessageContaining("应为 auto 或 0 到 256 之间的整数");
    }
}
