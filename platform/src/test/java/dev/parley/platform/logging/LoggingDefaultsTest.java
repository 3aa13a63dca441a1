package dev.parley.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggingDefaultsTest {

    @Test
    void plainConsoleAndNoFilesByDefault() {
        var defaults = LoggingDefaults.defaults(null, null, "api-ingress");

        assertThat(defaults).containsKey("logging.pattern.correlation")
                .doesNotContainKeys("logging.file.name", "logging.structured.format.console",
                        "logging.structured.format.file");
    }

    @Test
    void aLogDirectoryAddsRollingJsonFilesNamedAfterTheService() {
        var defaults = LoggingDefaults.defaults("/var/log/parley ", null, "llm-worker");

        assertThat(defaults).containsEntry("logging.file.name", "/var/log/parley/llm-worker.json.log")
                .containsEntry("logging.structured.format.file", "logstash")
                .containsEntry("logging.logback.rollingpolicy.max-history", "7")
                .doesNotContainKey("logging.structured.format.console");
    }

    @Test
    void jsonFormatMakesTheConsoleJson() {
        assertThat(LoggingDefaults.defaults("", "JSON", "usage-accounting"))
                .containsEntry("logging.structured.format.console", "logstash")
                .doesNotContainKey("logging.file.name");
    }
}
