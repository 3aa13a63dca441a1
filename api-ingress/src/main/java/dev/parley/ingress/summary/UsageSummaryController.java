package dev.parley.ingress.summary;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: a model's narrative summary of a usage report, answered like a posted message. */
@RestController
@Tag(name = "Admin")
class UsageSummaryController {

    private final UsageSummaryService summaries;

    UsageSummaryController(UsageSummaryService summaries) {
        this.summaries = summaries;
    }

    @PostMapping("/api/admin/usage/summary")
    @Operation(summary = "Have a model summarize a usage report", description = "Sends the report as a message in "
            + "a new conversation of the caller titled `Usage summary <from>..<to>`; it is charged like any "
            + "message. Answers 202 once queued; the summary streams from `streamUrl`.")
    CompletableFuture<ResponseEntity<UsageSummaryResponse>> summarize(Authentication admin,
            @Valid @RequestBody UsageSummaryRequest request) {
        return summaries.summarize(admin.getName(), request)
                .thenApply(accepted -> ResponseEntity.accepted().body(accepted));
    }
}
