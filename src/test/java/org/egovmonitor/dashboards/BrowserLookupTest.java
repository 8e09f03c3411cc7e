package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The browser lookup shared by .ci/run and the tests (.ci/find-browser), and the switch that makes it required. */
class BrowserLookupTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void locate_programsOnPath_foundThereBeforeKnownPaths() throws Exception {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");

        Browser.Installation found = Browser.locate(Map.of("PATH", dir + ":/usr/bin:/bin"));

        assertThat(found).isEqualTo(new Browser.Installation(chromium, driver));
    }

    @Test
    void locate_explicitPathMissing_notInstalledNamingIt() {
        assertThatThrownBy(() -> Browser.locate(Map.of("EGOV_CHROMIUM", dir.resolve("no-chromium").toString())))
                .isInstanceOf(Browser.NotInstalledException.class).hasMessageContaining("EGOV_CHROMIUM=");
    }

    @Test
    void requireInstalled_missingAndRequired_fails() {
        Map<String, String> missing = Map.of("EGOV_CHROMEDRIVER", dir.resolve("no-driver").toString());

        assertThatThrownBy(() -> Browser.requireInstalled(missing, true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("chromedriver").hasMessageContaining(Browser.REQUIRED_ENV);
    }

    @Test
    void requireInstalled_missingAndNotRequired_skips() {
        Map<String, String> missing = Map.of("EGOV_CHROMEDRIVER", dir.resolve("no-driver").toString());

        assertThatThrownBy(() -> Browser.requireInstalled(missing, false)).isInstanceOf(TestAbortedException.class);
    }
}
