package dev.parley.platform.outbound;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundAddressPolicy outboundAddressPolicy(OutboundProperties properties) {
        return new OutboundAddressPolicy(properties.allowedNetworks());
    }
}
