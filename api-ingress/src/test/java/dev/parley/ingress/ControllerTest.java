package dev.parley.ingress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.parley.ingress.apikey.ApiKeyAuthenticationProvider;
import dev.parley.ingress.sso.SsoAuthenticationProvider;

/**
 * A controller slice with the real security chain and JWT codec, so that tests can use real tokens and see
 * the real 401/403 problems. The API key provider is a mock: a test that uses a key stubs it. Accounts come from
 * {@link TestAccountStates}: every one is an active user, an admin when {@link TestTokens#admin} signed for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = {"dev\\.parley\\.ingress\\.(config\\.|integration\\.Integration)SecurityConfig",
                "dev\\.parley\\.ingress\\.auth\\.JwtConfig", "dev\\.parley\\.ingress\\.auth\\.AccountStates"}))
@Import(TestAccountStates.class)
@TestPropertySource(properties = {"parley.security.jwt-secret=" + TestTokens.SECRET,
        "parley.integration.token=" + ControllerTest.INTEGRATION_TOKEN})
@MockitoBean(types = {ApiKeyAuthenticationProvider.class, SsoAuthenticationProvider.class})
public @interface ControllerTest {

    /** The integration token the slice accepts on /api/integrations. */
    String INTEGRATION_TOKEN = "integration-token-for-controller-tests";


    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
