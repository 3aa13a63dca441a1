package dev.parley.ingress.admin.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.auth.UserAccount;
import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: the accounts themselves. Only admins get here (the security chain checks the role). */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Admin users", description = "Accounts: list, roles, disable, enable, delete (admin role)")
class AdminAccountsController {

    private final AdminUserService users;

    AdminAccountsController(AdminUserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List accounts", description = "Newest first; `q` matches the start of the email. Each "
            + "comes with its `credits` (balance, reserved, available, refill, grants not expired).")
    PageResponse<AdminUserView> list(@RequestParam(required = false) @Size(max = 254) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return users.list(q, page, size);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One account", description = "With its `credits` and every grant (`grants`, newest first).")
    AdminUserView get(@PathVariable @Size(max = 128) String userId) {
        return users.get(userId);
    }

    @PatchMapping("/{userId}")
    @Operation(summary = "Change an account", description = "`displayName`, `roles` (USER, ADMIN), `disabled`; "
            + "absent fields stay. Disabling yourself or dropping your own admin role is a 409.")
    UserAccount update(Authentication admin, @PathVariable @Size(max = 128) String userId,
            @Valid @RequestBody UpdateUserRequest request) {
        return users.update(admin.getName(), userId, request);
    }

    @PostMapping("/{userId}/disable")
    @Operation(summary = "Disable an account", description = "Its sign-ins, refresh tokens, access tokens and API "
            + "keys are refused until it is enabled again. Yourself: 409.")
    UserAccount disable(Authentication admin, @PathVariable @Size(max = 128) String userId) {
        return users.setDisabled(admin.getName(), userId, true);
    }

    @PostMapping("/{userId}/enable")
    @Operation(summary = "Enable a disabled account")
    UserAccount enable(Authentication admin, @PathVariable @Size(max = 128) String userId) {
        return users.setDisabled(admin.getName(), userId, false);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an account", description = "Soft: the account stays listed as deleted, its "
            + "refresh tokens and API keys are revoked and it can never sign in again. Yourself: 409.")
    void delete(Authentication admin, @PathVariable @Size(max = 128) String userId) {
        users.delete(admin.getName(), userId);
    }
}
