package dev.parley.ingress.flag;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Messages")
class FlagController {

    private final FlagService flags;

    FlagController(FlagService flags) {
        this.flags = flags;
    }

    @PostMapping("/api/conversations/{conversationId}/messages/{messageId}/flag")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Flag a message", description = "Reports a message to the admins, once per user and "
            + "message (409 on repeat); `category` is harmful, incorrect, unhelpful or other.")
    FlagResponse flag(Authentication user, @PathVariable String conversationId, @PathVariable String messageId,
            @Valid @RequestBody FlagRequest request) {
        return flags.flag(user.getName(), conversationId, messageId, request);
    }
}
