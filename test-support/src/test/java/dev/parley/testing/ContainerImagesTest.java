package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The containers lane tests the images production runs, not some other version. */
class ContainerImagesTest {

    @Test
    void theLaneRunsTheImagesOfDockerCompose() throws Exception {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        var images = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)\\s*$").matcher(compose).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());

        assertThat(images).contains(ContainerImages.KAFKA, ContainerImages.REGISTRY, ContainerImages.MONGO);
    }
}
