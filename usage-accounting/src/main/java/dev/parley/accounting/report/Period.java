package dev.parley.accounting.report;

import java.time.LocalDate;

/** The length of a usage bucket. */
enum Period {
    DAY,
    MONTH;

    String label(LocalDate startDay) {
        return this == DAY ? startDay.toString() : startDay.toString().substring(0, 7);
    }
}
