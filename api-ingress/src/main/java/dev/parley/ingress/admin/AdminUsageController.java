package dev.parley.ingress.admin;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.PriceTable;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalogadmin.CatalogAdmin;
import dev.parley.ingress.usage.DateRanges;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: everyone's ledger and usage, and the price table. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Admin")
class AdminUsageController {

    private final AdminAccounting accounting;
    private final CatalogAdmin catalog;

    AdminUsageController(AdminAccounting accounting, CatalogAdmin catalog) {
        this.accounting = accounting;
        this.catalog = catalog;
    }

    @GetMapping("/transactions")
    @Operation(summary = "Ledger of everyone, or of one user", description = "Newest first, with aggregates "
            + "(count, total debited, total credited) over the whole range. `from`/`to` are ISO days (UTC), both "
            + "included.")
    TransactionPage transactions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 128) String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        DateRanges.requireOrdered(from, to);
        return accounting.transactions(from, to, userId, page, size);
    }

    @GetMapping("/usage")
    @Operation(summary = "Usage breakdown", description = "Requests, tokens and credits by day, month, user, "
            + "organisation or model, or several of them at once (`groupBy=model,user`: each row then has `keys`), "
            + "read from pre-aggregated buckets. Each row and the totals count their distinct `users` and give "
            + "`perUser` averages.")
    UsageReport usage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") @Pattern(regexp = AdminAccounting.GROUPS,
                    message = "must be one or more of day, month, user, organisation, model, comma-separated")
            String groupBy,
            @RequestParam(required = false) @Size(max = 128) String userId) {
        DateRanges.requireOrdered(from, to);
        return accounting.usage(from, to, groupBy, userId);
    }

    @GetMapping("/prices")
    @Operation(summary = "The price table", description = "usage-accounting's prices (those the catalog sent it, "
            + "and the default for unknown models), in credits per 1,000,000 tokens.")
    PriceTable prices() {
        return accounting.prices();
    }

    @PutMapping("/prices")
    @Operation(summary = "Set a catalog model's price", description = "Changes the model in the catalog (the one "
            + "source of prices; 404 when the model is not in it), which sends it on to usage-accounting in the "
            + "background. Applies to requests reserved and usage recorded from then on.")
    PriceResponse price(@Valid @RequestBody PriceRequest request) {
        ModelPrices prices = catalog.setPrices(request.model(), new ModelPrices(request.input(), request.output(),
                request.cachedInput()));
        return new PriceResponse(request.model(), prices.input(), prices.output(), prices.cachedInput());
    }
}
