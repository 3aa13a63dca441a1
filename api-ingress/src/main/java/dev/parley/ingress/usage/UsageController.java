package dev.parley.ingress.usage;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.ingress.attachment.AttachmentStorage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own balance, ledger and usage; the user id comes from the token only. */
@RestController
@Tag(name = "Usage")
class UsageController {

    private final AccountingClient accounting;

    private final AttachmentStorage attachments;

    UsageController(AccountingClient accounting, AttachmentStorage attachments) {
        this.attachments = attachments;
        this.accounting = accounting;
    }

    @GetMapping("/api/me/usage")
    @Operation(summary = "My credit balance and totals", description = "`reserved` is held by requests still "
            + "running; `available` is what new requests can reserve; `attachments` the files I keep stored "
            + "against my storage quota.")
    UsageResponse usage(Authentication user) {
        return UsageResponse.of(accounting.account(user.getName()), attachments.of(user.getName()));
    }

    @GetMapping("/api/me/transactions")
    @Operation(summary = "My ledger", description = "Newest first: debits, releases, grants, refills and "
            + "adjustments, with aggregates over the whole range. `from`/`to` are ISO days (UTC), both included.")
    TransactionPage transactions(Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        DateRanges.requireOrdered(from, to);
        return accounting.transactions(user.getName(), from, to, page, size);
    }

    @GetMapping("/api/me/usage/report")
    @Operation(summary = "My usage by day, month or model", description = "Requests, tokens and credits per "
            + "row, with totals.")
    UsageReport report(Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") @Pattern(regexp = "(day|month|model)(,(day|month|model))*",
                    message = "must be one or more of day, month, model, comma-separated") String groupBy) {
        DateRanges.requireOrdered(from, to);
        return accounting.report(user.getName(), from, to, groupBy);
    }
}
