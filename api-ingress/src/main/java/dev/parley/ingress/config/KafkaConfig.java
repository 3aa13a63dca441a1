package dev.parley.ingress.config;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.FixedBackOff;

import dev.parley.platform.kafka.ParleyErrorHandler;
import dev.parley.platform.kafka.ParleyKafkaProperties;
import dev.parley.platform.kafka.TransientFailures;

/**
 * The listener factory of the per-instance fan-out consumers. A record they can never handle is logged and
 * skipped: dead-lettering it from every instance would only multiply it, and the shared persisting group
 * already dead-letters it once. A transient failure (the schema registry unreachable for a record whose schema this
 * instance has not seen yet) is retried without limit, like everywhere else, instead of skipping live events.
 */
@Configuration
class KafkaConfig {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> fanoutListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, ParleyKafkaProperties properties,
            TransientFailures transientFailures) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        // one immediate retry of a failure that is neither transient nor poison, then skipped
        factory.setCommonErrorHandler(new ParleyErrorHandler(null, new FixedBackOff(0L, 1L), properties,
                transientFailures));
        // a throw-away group never resumes from its offsets, so committing them would only leave garbage behind
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }
}
