package dev.parley.worker.intake;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
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
            CommonErrorHandler errorHandler, ObjectProvider<GenerationDispatcher> dispatcher) {
        return container -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
            container.getContainerProperties().setConsumerRebalanceListener(rebalanceListener(dispatcher));
            container.setCommonErrorHandler(new OrderedCommitErrorHandler(errorHandler));
        };
    }

    /** Partitions taken away stop being acknowledged by this worker (see {@link OffsetTracker}). */
    private static ConsumerAwareRebalanceListener rebalanceListener(ObjectProvider<GenerationDispatcher> dispatcher) {
        return new ConsumerAwareRebalanceListener() {

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer,
                    Collection<TopicPartition> partitions) {
                dispatcher.getObject().revoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                dispatcher.getObject().assigned(partitions);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                dispatcher.getObject().lost(partitions);
            }
        };
    }
}
