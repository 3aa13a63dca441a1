package dev.parley.platform.mongo;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;

/**
 * MongoDB health by {@code ping}. Takes the place of Spring Boot's indicator (same bean name), whose
 * {@code hello} command the embedded stack's mongo-java-server does not know: health would be DOWN there
 * although every query works. {@code ping} answers on real MongoDB too.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, AbstractHealthIndicator.class})
@ConditionalOnBean(MongoClient.class)
public class MongoPingHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new MongoPingHealthIndicator(client);
    }

    private static final class MongoPingHealthIndicator extends AbstractHealthIndicator {

        private final MongoClient client;

        MongoPingHealthIndicator(MongoClient client) {
            super("MongoDB health check failed");
            this.client = client;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            if (reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) {
                builder.up();
            } else {
                builder.down().withDetail("reply", reply.toJson());
            }
        }
    }
}
