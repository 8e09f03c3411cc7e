package org.egovmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.egovmonitor.core.registry.RegistryFileReader;
import org.egovmonitor.farm.SiteFarm;
import org.egovmonitor.farm.SiteSpec;
import org.junit.jupiter.api.Test;

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
}
