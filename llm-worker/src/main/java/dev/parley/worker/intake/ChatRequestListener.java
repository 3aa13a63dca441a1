package dev.parley.worker.intake;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ContentPartKind;
import dev.parley.events.GenerationParameters;
import dev.parley.events.ProviderEndpoint;
import dev.parley.events.ProviderKinds;
import dev.parley.events.Topics;
import dev.parley.worker.catalog.Endpoint;
import dev.parley.worker.generation.GenerationRequest;
import dev.parley.worker.provider.PromptMessage;

/** Hands every chat request to the dispatcher (with its record, to dead-letter it if need be); returns at once. */
@Component
class ChatRequestListener {

    static final String ID = "chat-requests";

    private final GenerationDispatcher dispatcher;
    private final Timer queueLag;

    ChatRequestListener(GenerationDispatcher dispatcher, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.queueLag = Timer.builder("parley.worker.queue.lag")
                .description("From a request's acceptance by api-ingress to its pick-up by this worker")
                .publishPercentileHistogram().register(meters);
    }

    @KafkaListener(id = ID, topics = Topics.CHAT_REQUESTS, idIsGroup = false,
            containerPostProcessor = IntakeConfiguration.CHAT_REQUESTS_POST_PROCESSOR)
    void on(ConsumerRecord<String, ChatRequested> record, Acknowledgment ack) {
        ChatRequested event = record.value();
        queueLag.record(Math.max(0, System.currentTimeMillis() - event.getRequestedAt().toEpochMilli()),
                TimeUnit.MILLISECONDS);
        dispatcher.dispatch(toRequest(event), record, ack);
    }

    private static GenerationRequest toRequest(ChatRequested event) {
        GenerationParameters parameters = event.getParameters();
        return new GenerationRequest(event.getRequestId(), event.getUserId(), event.getConversationId(),
                event.getMessageId(), event.getProvider(), event.getModel(),
                event.getMessages().stream().map(ChatRequestListener::toPrompt).toList(),
                parameters.getTemperature(), parameters.getTopP(), parameters.getMaxTokens(), parameters.getStop(),
                event.getProviderCredential(), event.getOwnKey(), endpoint(event.getEndpoint()),
                event.getReservation());
    }

    private static Endpoint endpoint(ProviderEndpoint endpoint) {
        return endpoint == null ? null : new Endpoint(ProviderKinds.of(endpoint), endpoint.getBaseUrl());
    }

    private static PromptMessage toPrompt(ChatMessage message) {
        List<PromptMessage.Image> images = message.getParts().stream()
                .filter(part -> part.getKind() == ContentPartKind.IMAGE)
                .map(part -> new PromptMessage.Image(part.getMediaType(),
                        part.getData() == null ? null : bytes(part.getData()), part.getUrl()))
                .toList();
        return new PromptMessage(PromptMessage.Role.valueOf(message.getRole().name()), message.getContent(), images);
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
