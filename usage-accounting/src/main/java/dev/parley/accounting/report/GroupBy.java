package dev.parley.accounting.report;

/** How a usage report is broken down, and which buckets and field answer it. */
enum GroupBy {
    DAY(Period.DAY, "start"),
    MONTH(Period.MONTH, "start"),
    USER(Period.DAY, "userId"),
    ORGANISATION(Period.DAY, "organisationId"),
    MODEL(Period.DAY, "model");

    private final Period period;
    private final String field;

    GroupBy(Period period, String field) {
        this.period = period;
        this.field = field;
    }

    Period period() {
        return period;
    }

    String field() {
        return field;
    }
}
