package dev.parley.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The public HTTP edge of Parley: authenticates users, keeps conversations and messages in MongoDB, publishes
 * {@code ChatRequested} and streams answers from {@code chat.stream} to clients over Server-Sent Events.
 */
@SpringBootApplication
public class IngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngressApplication.class, args);
    }
}
