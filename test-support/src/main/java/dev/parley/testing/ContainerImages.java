package dev.parley.testing;

/**
 * The images of the containers lane: the ones docker-compose.yml runs in production, so that this lane tests what
 * ships ({@code ContainerImagesTest} keeps the two lists equal).
 */
final class ContainerImages {

    static final String KAFKA = "apache/kafka:4.1.1";
    static final String REGISTRY = "apicurio/apicurio-registry:3.3.3";
    static final String MONGO = "mongo:8";

    private ContainerImages() {
    }
}
