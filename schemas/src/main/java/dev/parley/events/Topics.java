package dev.parley.events;

import java.util.List;

/**
 * The Kafka topics of the event contract. One place, so that producer and consumer cannot drift apart.
 */
public final class Topics {

    /** {@link ChatRequested}, keyed by request id. */
    public static final String CHAT_REQUESTS = "chat.requests";
    /** {@link ChatStreamed}, keyed by request id. */
    public static final String CHAT_STREAM = "chat.stream";
    /** {@link CancelRequested}, keyed by request id. */
    public static final String CHAT_CONTROL = "chat.control";
    /** {@link UsageRecorded}, keyed by user id. */
    public static final String USAGE_RECORDED = "usage.recorded";
    /** {@link BalanceThresholdCrossed}, keyed by account id. */
    public static final String BALANCE_ALERTS = "balance.alerts";
    /**
     * {@link ModelPriced}, keyed by model id, compacted: the catalog's current price of every model (a tombstone when
     * a model left the catalog), which usage-accounting reads from the beginning.
     */
    public static final String CATALOG_PRICES = "catalog.prices";
    /** The key of the catalog's default price on {@link #CATALOG_PRICES}: no model id can be it. */
    public static final String DEFAULT_PRICE_KEY = "*";

    /** Suffix of the dead-letter topic that takes a topic's poison records. */
    public static final String DLT_SUFFIX = "-dlt";

    public static final List<String> ALL = List.of(CHAT_REQUESTS, CHAT_STREAM, CHAT_CONTROL, USAGE_RECORDED,
            BALANCE_ALERTS, CATALOG_PRICES);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DLT_SUFFIX;
    }
}
