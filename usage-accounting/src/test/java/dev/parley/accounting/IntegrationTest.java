package dev.parley.accounting;

import java.util.UUID;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.accounting.price.PriceTopic;
import dev.parley.events.Topics;
import dev.parley.testing.TestInfrastructure;

/**
 * The whole service against the real broker, registry and MongoDB of {@link TestInfrastructure}. Every subclass
 * shares one application context and one database, so tests keep apart by using fresh user ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.accounting.service-token=" + IntegrationTest.SERVICE_TOKEN,
        "parley.accounting.integration-token=" + IntegrationTest.INTEGRATION_TOKEN,
        "parley.accounting.starting-balance=" + IntegrationTest.STARTING_BALANCE,
        "parley.accounting.low-balance-thresholds=1000,0",
        // jobs run when a test calls them, with the instant it chooses
        "parley.accounting.jobs.enabled=false"})
@AutoConfigureMockMvc
@AutoConfigureMetrics
public abstract class IntegrationTest {

    public static final String SERVICE_TOKEN = "integration-test-service-token";
    public static final String INTEGRATION_TOKEN = "integration-test-integration-token";
    public static final long STARTING_BALANCE = 10_000;

    protected static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    private static final String DATABASE = "accounting-" + UUID.randomUUID();

    static {
        // the catalog's default price (one credit per token), on the topic before the service reads it at startup
        PriceTopic.publish(INFRA, Topics.DEFAULT_PRICE_KEY, PriceTopic.ONE_CREDIT_PER_TOKEN);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    protected static String newUserId() {
        return "user-" + UUID.randomUUID();
    }
}
