package dev.parley.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import dev.parley.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code parley.kafka.dead.letters{topic}}: records this service sent to a dead-letter topic. Registered at zero for
 * every dead-letter topic, so that dashboards and the "DLT not empty" alert see the series before the first record.
 */
final class DeadLetterCounter {

    static final String NAME = "parley.kafka.dead.letters";

    private final Map<String, Counter> counters = new HashMap<>();

    DeadLetterCounter(MeterRegistry registry) {
        if (registry == null) {
            return;
        }
        for (String topic : Topics.ALL) {
            String deadLetterTopic = Topics.deadLetterOf(topic);
            counters.put(deadLetterTopic, Counter.builder(NAME).tag("topic", deadLetterTopic)
                    .description("Records sent to the dead-letter topic").register(registry));
        }
    }

    void increment(String deadLetterTopic) {
        Counter counter = counters.get(deadLetterTopic);
        if (counter != null) {
            counter.increment();
        }
    }
}
