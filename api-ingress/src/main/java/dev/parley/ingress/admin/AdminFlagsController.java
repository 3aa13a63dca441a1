package dev.parley.ingress.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.flag.FlagResponse;
import dev.parley.ingress.flag.FlagService;
import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: messages users flagged. */
@RestController
@RequestMapping("/api/admin/flags")
@Tag(name = "Admin")
class AdminFlagsController {

    private final FlagService flags;

    AdminFlagsController(FlagService flags) {
        this.flags = flags;
    }

    @GetMapping
    @Operation(summary = "List flags", description = "Newest first; `resolved` true or false filters.")
    PageResponse<FlagResponse> list(@RequestParam(required = false) Boolean resolved,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return flags.list(resolved, page, size);
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve a flag", description = "Resolving again keeps the first resolution.")
    FlagResponse resolve(Authentication admin, @PathVariable String id) {
        return flags.resolve(id, admin.getName());
    }
}
