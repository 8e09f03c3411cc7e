package org.egovmonitor.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.demo.farm.ReplyHabit;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteGenerator;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.demo.farm.SiteTruth;
import org.egovmonitor.registry.RegistryFileReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSitesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    private static DemoSites plan() throws Exception {
        RegistryFileReader.Result registry = new RegistryFileReader(new ObjectMapper())
                .readResource(DemoRegistry.RESOURCE);
        return DemoSites.plan(registry.document(), TODAY);
    }

    @Test
    void plan_demoRegistry_oneSitePerRegistrySite() throws Exception {
        DemoSites plan = plan();
        assertThat(plan.sites()).isEqualTo(33);
        assertThat(plan.specs()).hasSize(27);
        assertThat(plan.mounts()).extracting(SiteFarm.Mount::prefix).contains("/xiangzhen/zhaotan",
                "/xiangzhen/yinhui");
        assertThat(plan.mounts()).allSatisfy(m -> assertThat(plan.specs()).extracting(SiteSpec::host)
                .contains(m.spec().host()));
        assertThat(plan.specs()).allSatisfy(s -> assertThat(s.now()).isEqualTo(TODAY));
        assertThat(plan.down()).containsExactly("www.shitaitour.com.cn");
    }

    @Test
    void plan_sameInputs_sameSeeds() throws Exception {
        assertThat(plan()).isEqualTo(plan());
    }

    @Test
    void portal_noForumBlankOnlineServiceAndUnitSources() throws Exception {
        SiteSpec portal = plan().specs().stream().filter(s -> s.host().equals("www.chizhou.gov.cn")).findFirst()
                .orElseThrow();
        assertThat(portal.overrides().families()).doesNotContain("forum").contains("online_service", "news");
        assertThat(portal.overrides().blankFamilies()).containsExactly("online_service");
        assertThat(portal.overrides().sources()).contains("市计委", "财政局", DemoSites.UNKNOWN_SOURCE);
    }

    /**
     * What a measurement of each demo site reads from its mailboxes and forums: the portal's 市长信箱 has one letter
     * unanswered for more than 90 days of the last year (a veto), 池州科技网 answers late, every other site promptly.
     */
    @Test
    void replies_portalNeglectsALetter_czkjAnswersLate_othersPromptly() throws Exception {
        int sitesWithMessages = 0;
        for (SiteSpec planned : plan().specs()) {
            SiteSpec spec = planned.withPort(80);
            List<SiteTruth.Message> messages = new SiteGenerator().generate(spec).truth().sections()
                    .stream().flatMap(s -> s.messages().stream()).toList();
            long overdue = messages.stream().filter(m -> m.state() == MessageState.PENDING
                    && m.askedOn().isBefore(TODAY.minusDays(90)) && !m.askedOn().isBefore(TODAY.minusDays(365)))
                    .count();
            long late = messages.stream().filter(m -> m.answeredOn() != null
                    && ChronoUnit.DAYS.between(m.askedOn(), m.answeredOn()) > 20).count();
            long waiting = messages.stream().filter(m -> m.state() == MessageState.PENDING
                    && ChronoUnit.DAYS.between(m.askedOn(), TODAY) > 20).count();
            sitesWithMessages += messages.isEmpty() ? 0 : 1;
            String url = spec.rootUrl();
            switch (url) {
                case DemoSites.PORTAL -> assertThat(overdue).as(url).isEqualTo(1);
                case "http://www.czkj.gov.cn/" -> assertThat(late).as(url).isPositive();
                default -> assertThat(late + waiting).as(url).isZero();
            }
            assertThat(spec.overrides().replies()).isEqualTo(switch (url) {
                case DemoSites.PORTAL -> ReplyHabit.NEGLECTED;
                case "http://www.czkj.gov.cn/" -> ReplyHabit.LATE;
                default -> ReplyHabit.PROMPT;
            });
        }
        assertThat(sitesWithMessages).isGreaterThan(10);
    }
}
