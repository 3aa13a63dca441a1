package dev.parley.ingress.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may create an account, and with which credits.
 *
 * @param mode {@code open}: anyone; {@code invite}: with an admin's invitation code; {@code closed}: nobody (users
 *        come from outside systems); in every mode the unredeemed admin bootstrap token also admits one registration,
 *        so that a closed or invite-only deployment can make its first admin
 * @param perAddressPerHour registrations one client address may attempt per hour
 * @param openStartingBalance credits of an account registered in open mode
 * @param inviteStartingBalance credits of an account registered with an invitation that names none
 */
@Validated
@ConfigurationProperties("parley.registration")
record RegistrationProperties(
        @DefaultValue("open") @NotNull RegistrationMode mode,
        @DefaultValue("10") @Min(1) int perAddressPerHour,
        @DefaultValue("100000") @Min(0) long openStartingBalance,
        @DefaultValue("100000") @Min(0) long inviteStartingBalance) {

    enum RegistrationMode { OPEN, INVITE, CLOSED }
}
