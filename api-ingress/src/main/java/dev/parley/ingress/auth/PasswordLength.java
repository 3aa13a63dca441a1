package dev.parley.ingress.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password bcrypt can hash: at most 72 bytes in UTF-8 (bcrypt refuses more, and 72 characters of an accented or
 * non-Latin alphabet are more). Null passes: {@code @NotBlank} reports it.
 */
@Documented
@Constraint(validatedBy = PasswordLength.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordLength {

    int MAX_BYTES = 72;

    String message() default "must be at most " + MAX_BYTES + " bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the UTF-8 length. */
    final class Validator implements ConstraintValidator<PasswordLength, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
