package dev.parley.accounting.ledger;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.TransactionPage;

/** The ledger for users (their own entries, proxied by api-ingress) and for admins (everyone's, filterable). */
@RestController
class TransactionController {

    private final LedgerQueries queries;

    TransactionController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/accounts/{userId}/transactions")
    TransactionPage ofUser(@PathVariable @NotBlank @Size(max = 128) String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.page(userId, new DateRange(from, to), page, size);
    }

    @GetMapping("/internal/admin/transactions")
    TransactionPage all(@RequestParam(required = false) @Size(max = 128) String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.page(userId, new DateRange(from, to), page, size);
    }
}
