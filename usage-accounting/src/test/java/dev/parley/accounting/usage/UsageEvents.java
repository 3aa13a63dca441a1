package dev.parley.accounting.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.parley.events.CallOutcome;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** Realistic {@link UsageRecorded} events and their accounting view. */
final class UsageEvents {

    static final String PROVIDER = "mock";
    static final String MODEL = "mock-small";

    private UsageEvents() {
    }

    static UsageRecorded usage(String userId, long inputTokens, long outputTokens) {
        return builder(userId, inputTokens, outputTokens).build();
    }

    static UsageRecorded.Builder builder(String userId, long inputTokens, long outputTokens) {
        return UsageRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString())
                .setUserId(userId)
                .setConversationId(UUID.randomUUID().toString())
                .setProvider(PROVIDER)
                .setModel(MODEL)
                .setInputTokens(inputTokens)
                .setOutputTokens(outputTokens)
                .setSource(UsageSource.PROVIDER_REPORTED)
                .setOutcome(CallOutcome.COMPLETED)
                .setOwnKey(false)
                .setRecordedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static RecordedUsage recorded(String userId, long inputTokens, long outputTokens, boolean ownKey) {
        return new RecordedUsage(UUID.randomUUID().toString(), UUID.randomUUID().toString(), userId, null, PROVIDER,
                MODEL, inputTokens, outputTokens, 0, 0, "PROVIDER_REPORTED", "COMPLETED", ownKey,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }
}
