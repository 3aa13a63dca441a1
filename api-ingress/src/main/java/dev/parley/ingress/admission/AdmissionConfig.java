package dev.parley.ingress.admission;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.tokens.TokenCounter;

@Configuration
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfig {

    /** One instance: its encodings are loaded once, on first use. */
    @Bean
    TokenEstimator tokenEstimator() {
        return new TokenEstimator(new TokenCounter());
    }
}
