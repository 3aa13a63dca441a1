package dev.parley.testing;

import static dev.parley.testing.FeaturePackages.CODE_SPAN;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The Kafka topics a service produces and consumes, read from its compiled classes, and the same as
 * docs/architecture.md states them. Consumed: the {@code topics} of its {@code @KafkaListener}s, and the topic names
 * loaded as constants by its classes that use a Kafka {@code Consumer} of their own. Produced: the topic names loaded
 * as constants by its classes that use a {@code KafkaTemplate} or a {@code Producer}. {@code Topics.X} is inlined by
 * the compiler, so the class files hold the names themselves; a class counts as using a client when it does directly
 * or through other classes of the service.
 */
public final class KafkaTopics {

    /** The heading of docs/architecture.md's table of every topic, its producer and its consumers. */
    public static final String TOPICS_HEADING = "## Topics and events";
    /** The heading of docs/architecture.md's one-page map, whose service table lists what each produces and consumes. */
    public static final String MAP_HEADING = "## Map";
    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    private static final Set<String> PRODUCERS = Set.of("org.springframework.kafka.core.KafkaTemplate",
            "org.springframework.kafka.core.KafkaOperations", "org.apache.kafka.clients.producer.Producer",
            "org.apache.kafka.clients.producer.KafkaProducer");
    private static final Set<String> CONSUMERS = Set.of("org.apache.kafka.clients.consumer.Consumer",
            "org.apache.kafka.clients.consumer.KafkaConsumer");
    private static final Pattern CODE = Pattern.compile("`[^`]*`");
    private static final int CONSTANT_STRING = 8;

    private KafkaTopics() {
    }

    /**
     * What the classes consume: the topics of every {@code @KafkaListener}, on a class or a method, and the names of
     * {@code known} topics the classes with a consumer of their own load as constants.
     */
    public static SortedSet<String> consumed(JavaClasses classes, Collection<String> known) {
        SortedSet<String> topics = constantsOf(using(classes, CONSUMERS), known);
        for (JavaClass type : classes) {
            Stream.concat(type.tryGetAnnotationOfType(KAFKA_LISTENER).stream(), type.getMethods().stream()
                    .flatMap(method -> method.tryGetAnnotationOfType(KAFKA_LISTENER).stream()))
                    .forEach(listener -> topics.addAll(topicsOf(listener)));
        }
        return topics;
    }

    /** What the classes produce: the names of {@code known} topics the producing classes load as constants. */
    public static SortedSet<String> produced(JavaClasses classes, Collection<String> known) {
        return constantsOf(using(classes, PRODUCERS), known);
    }

    private static SortedSet<String> constantsOf(Set<JavaClass> types, Collection<String> known) {
        SortedSet<String> topics = new TreeSet<>();
        for (JavaClass type : types) {
            stringConstants(type).stream().filter(known::contains).forEach(topics::add);
        }
        return topics;
    }

    /** The topics docs/architecture.md's topics table says {@code module} produces: its producer cell names it. */
    public static SortedSet<String> documentedProduced(Path architectureMd, String module) {
        return documented(architectureMd, module, 4);
    }

    /** The topics docs/architecture.md's topics table says {@code module} consumes: its consumers cell names it. */
    public static SortedSet<String> documentedConsumed(Path architectureMd, String module) {
        return documented(architectureMd, module, 5);
    }

    /**
     * The topics the map's row of {@code module} names in its produces ({@code column} 3) or consumes (4) cell: its
     * code spans that are {@code known} topics.
     */
    public static SortedSet<String> mapped(Path architectureMd, String module, int column, Collection<String> known) {
        String[] cells = FeaturePackages.moduleRow(architectureMd, MAP_HEADING, module).map(row -> row.split("\\|"))
                .orElseThrow(() -> new AssertionError(architectureMd + "'s map has no row of " + module));
        return CODE_SPAN.matcher(cells[column]).results().map(match -> match.group(1)).filter(known::contains)
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll);
    }

    private static SortedSet<String> documented(Path architectureMd, String module, int column) {
        Pattern named = Pattern.compile("(?<![\\w-])" + Pattern.quote(module) + "(?![\\w-])");
        return FeaturePackages.section(architectureMd, TOPICS_HEADING).filter(line -> line.startsWith("| `"))
                .map(line -> line.split("\\|"))
                // names in code spans are groups and the like, not services
                .filter(cells -> cells.length > column
                        && named.matcher(CODE.matcher(cells[column]).replaceAll("")).find())
                // the topic is the cell's first code span; what follows describes it
                .map(cells -> CODE_SPAN.matcher(cells[1]).results().findFirst().map(match -> match.group(1))
                        .orElse(cells[1].strip()))
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll);
    }

    private static Set<String> topicsOf(JavaAnnotation<?> listener) {
        return listener.get("topics").map(value -> Set.of((String[]) value)).orElse(Set.of());
    }

    /** The classes that use one of the {@code clients}, directly or through other classes of the service. */
    private static Set<JavaClass> using(JavaClasses classes, Set<String> clients) {
        Set<JavaClass> found = new HashSet<>();
        Deque<JavaClass> next = new ArrayDeque<>();
        for (JavaClass type : classes) {
            if (type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> clients.contains(dependency.getTargetClass().getName()))) {
                next.add(type);
            }
        }
        while (!next.isEmpty()) {
            JavaClass type = next.pop();
            if (found.add(type)) {
                type.getDirectDependenciesToSelf().stream().map(Dependency::getOriginClass)
                        .filter(origin -> classes.contain(origin.getName())).forEach(next::add);
            }
        }
        return found;
    }

    /** The string constants the class's code loads (its constant pool's {@code CONSTANT_String} entries). */
    private static Set<String> stringConstants(JavaClass type) {
        byte[] bytes = bytesOf(type);
        ClassReader reader = new ClassReader(bytes);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> constants = new HashSet<>();
        for (int index = 1; index < reader.getItemCount(); index++) {
            int offset = reader.getItem(index);
            // 0: the unusable second slot of a long or double constant
            if (offset > 0 && bytes[offset - 1] == CONSTANT_STRING) {
                constants.add((String) reader.readConst(index, buffer));
            }
        }
        return constants;
    }

    private static byte[] bytesOf(JavaClass type) {
        try (InputStream in = type.getSource().orElseThrow(() -> new IllegalStateException(
                "no class file for " + type.getName())).getUri().toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
