package dev.parley.faults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.parley.accounting.usage.DebitWriteListener;

/**
 * Registers the hooks in a service this jar was added to (only the e2e crash tests do that). Present in the
 * class path, a hook still does nothing until its property is set.
 */
@AutoConfiguration
@ConditionalOnClass(DebitWriteListener.class)
@EnableConfigurationProperties(FaultProperties.class)
public class FaultHooksAutoConfiguration {

    @Bean
    DebitWriteListener crashHook(FaultProperties properties) {
        return new CrashHook(properties, () -> Runtime.getRuntime().halt(CrashHook.KILLED));
    }
}
