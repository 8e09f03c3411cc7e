package org.egovmonitor.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the configuration file from disk; when the default {@code config.yml} is not in the working directory
 * (someone runs the jar from elsewhere), falls back to the copy bundled in the jar, so `demo` and the database
 * commands work from any folder.
 */
public class BundledConfigurationSourceProvider implements ConfigurationSourceProvider {

    public static final String DEFAULT_FILE = "config.yml";
    static final String BUNDLED = "/egov-monitor-default/config.yml";

    @Override
    public InputStream open(String path) throws IOException {
        Path file = Path.of(path);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        if (DEFAULT_FILE.equals(path)) {
            InputStream bundled = BundledConfigurationSourceProvider.class.getResourceAsStream(BUNDLED);
            if (bundled != null) {
                return bundled;
            }
        }
        throw new FileNotFoundException("配置文件不存在：" + path);
    }
}
