package dev.parley.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logging defaults of every service, before Spring Boot sets up logging (lowest precedence: a service's
 * application.yml or the environment may override each):
 * <ul>
 * <li>the console stays plain text for developers, each line showing {@code [requestId|chatRequestId]};
 * {@code PARLEY_LOG_FORMAT=json} makes it JSON (Spring Boot's structured logging, Logstash format), as a
 * container platform's log collector wants;</li>
 * <li>{@code PARLEY_LOG_DIR} set: JSON lines (Logstash format, the MDC included) also go to
 * {@code <dir>/<service>.json.log}, rolled daily and at 50 MB, 7 days and at most 1 GB kept.</li>
 * </ul>
 */
public class LoggingDefaults implements EnvironmentPostProcessor {

    static final String LOG_DIR = "PARLEY_LOG_DIR";
    static final String LOG_FORMAT = "PARLEY_LOG_FORMAT";
    static final String JSON_FORMAT = "logstash";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("parley-logging-defaults",
                defaults(environment.getProperty(LOG_DIR), environment.getProperty(LOG_FORMAT),
                        environment.getProperty("spring.application.name", "parley"))));
    }

    static Map<String, Object> defaults(String logDir, String format, String service) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.pattern.correlation", "%replace([%X{requestId}|%X{chatRequestId}] ){'\\[\\|\\] ', ''}");
        if ("json".equalsIgnoreCase(format == null ? "" : format.trim())) {
            defaults.put("logging.structured.format.console", JSON_FORMAT);
        }
        if (logDir != null && !logDir.isBlank()) {
            defaults.put("logging.file.name", logDir.strip() + "/" + service + ".json.log");
            defaults.put("logging.structured.format.file", JSON_FORMAT);
            defaults.put("logging.logback.rollingpolicy.max-file-size", "50MB");
            defaults.put("logging.logback.rollingpolicy.max-history", "7");
            defaults.put("logging.logback.rollingpolicy.total-size-cap", "1GB");
        }
        return defaults;
    }
}
