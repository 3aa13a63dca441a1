package dev.parley.testing;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The production images through Testcontainers: Apache Kafka in KRaft mode, Apicurio Registry 3 and a real
 * MongoDB started as a one-member replica set (secondary indexes, TTL indexes and transactions all work, unlike in
 * mongo-java-server). Testcontainers' Ryuk removes the containers when the test JVM ends.
 */
final class ContainerInfrastructure {

    private static final int REGISTRY_PORT = 8080;

    private ContainerInfrastructure() {
    }

    static TestInfrastructure.Endpoints start() {
        var kafka = new KafkaContainer(ContainerImages.KAFKA);
        var registry = new GenericContainer<>(ContainerImages.REGISTRY)
                .withExposedPorts(REGISTRY_PORT)
                .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        var mongo = new MongoDBContainer(ContainerImages.MONGO).withReplicaSet();
        Startables.deepStart(kafka, registry, mongo).join();
        String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT)
                + "/apis/registry/v3";
        return new TestInfrastructure.Endpoints(kafka.getBootstrapServers(), registryUrl, mongo.getConnectionString());
    }
}
