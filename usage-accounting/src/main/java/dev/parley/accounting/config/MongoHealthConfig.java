package dev.parley.accounting.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * MongoDB health by {@code ping}. Replaces Spring Boot's indicator (same bean name), whose {@code hello} command
 * the embedded stack's mongo-java-server does not know, so health would be DOWN there although every query works.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfig {

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    private static final class MongoPingHealthIndicator extends AbstractHealthIndicator {

        private final MongoOperations mongo;

        MongoPingHealthIndicator(MongoOperations mongo) {
            super("MongoDB health check failed");
            this.mongo = mongo;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            Document reply = mongo.executeCommand(new Document("ping", 1));
            if (reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) {
                builder.up();
            } else {
                builder.down();
            }
        }
    }
}
