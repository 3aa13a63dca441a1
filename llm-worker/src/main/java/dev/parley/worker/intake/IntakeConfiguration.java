package dev.parley.worker.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    static final String CHAT_REQUESTS_POST_PROCESSOR = "chatRequestsContainerPostProcessor";

    /**
     * Chat requests are acknowledged by the {@link GenerationDispatcher} once their answer is published, in
     * offset order; the platform's dead-letter routing stays, minus its commit past records still streaming.
     * Set here rather than in application.yml because only this listener commits this way; the cancel
     * listener keeps the default record acknowledgement.
     */
    @Bean(CHAT_REQUESTS_POST_PROCESSOR)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> chatRequestsContainerPostProcessor(
            CommonErrorHandler errorHandler) {
        return container -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
            container.setCommonErrorHandler(new OrderedCommitErrorHandler(errorHandler));
        };
    }
}
