package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The package rules every service keeps (package-by-feature), checked by its {@code PackageStructureTest} (a
 * {@link PackageStructureContract}): each package right under the service's root package is a feature; features
 * import each other without a cycle; a feature's sub-packages are its internals, used by nothing outside it; every
 * feature says what it owns in a {@code package-info.java}; and docs/architecture.md lists exactly the features.
 */
public final class FeaturePackages {

    /** The heading of docs/architecture.md's table of every service's features. */
    public static final String MAP_HEADING = "## Feature packages";
    /** The heading of docs/architecture.md's table of every collection and its owner. */
    public static final String COLLECTIONS_HEADING = "## MongoDB";
    private static final String MONGO_DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    private static final String COLLECTION_CONSTANT = "COLLECTION";
    /** A Markdown code span; group 1 is its text. */
    static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private final String root;
    private final JavaClasses classes;

    private FeaturePackages(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The main (not test) classes under {@code rootPackage}. */
    public static FeaturePackages of(String rootPackage) {
        return new FeaturePackages(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage));
    }

    /** The features: the packages right under the root that hold classes. */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        for (JavaClass type : classes) {
            String name = type.getPackageName();
            if (name.startsWith(root + ".")) {
                names.add(name.substring(root.length() + 1).split("\\.")[0]);
            }
        }
        return names;
    }

    /**
     * The MongoDB collections the service uses: those it maps documents to ({@code @Document}) and those it names in
     * a {@code static final String COLLECTION} (collections written without a mapped type).
     */
    public SortedSet<String> collections() {
        SortedSet<String> names = new TreeSet<>();
        for (JavaClass type : classes) {
            type.tryGetAnnotationOfType(MONGO_DOCUMENT).ifPresent(document -> Stream.of("value", "collection")
                    .flatMap(attribute -> document.get(attribute).stream())
                    .map(String::valueOf).filter(name -> !name.isEmpty()).forEach(names::add));
            type.tryGetField(COLLECTION_CONSTANT).filter(field -> field.getModifiers().contains(JavaModifier.STATIC))
                    .ifPresent(field -> names.add(constant(field)));
        }
        return names;
    }

    /** The classes read, for the other checks of the same classes ({@link KafkaTopics}). */
    JavaClasses classes() {
        return classes;
    }

    /** No feature imports another that, directly or through others, imports it back. */
    public void assertNoCycles() {
        SlicesRuleDefinition.slices().matching(root + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles().check(classes);
    }

    /** Classes outside a feature use only its top-level package, never its sub-packages. */
    public void assertInternalsStayInside() {
        names().forEach(feature -> internalsOf(feature).check(classes));
    }

    /** The features without a {@code package-info.java} under {@code sources} (a module's src/main/java). */
    public List<String> withoutPackageInfo(Path sources) {
        return names().stream()
                .filter(feature -> !Files.isRegularFile(
                        sources.resolve((root + "." + feature).replace('.', '/')).resolve("package-info.java")))
                .toList();
    }

    /**
     * The features docs/architecture.md names for {@code module}: the code spans of its row in the table under
     * {@link #MAP_HEADING}, after the module's own cell.
     */
    public static SortedSet<String> documented(Path architectureMd, String module) {
        String row = moduleRow(architectureMd, MAP_HEADING, module)
                .orElseThrow(() -> new AssertionError(architectureMd + " lists no features of " + module));
        return CODE_SPAN.matcher(row.substring(rowPrefix(module).length())).results().map(match -> match.group(1))
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll);
    }

    /** The row of {@code module} (its first cell is the module's name as code) in the table under a heading. */
    static Optional<String> moduleRow(Path markdown, String heading, String module) {
        return section(markdown, heading).filter(line -> line.startsWith(rowPrefix(module))).findFirst();
    }

    private static String rowPrefix(String module) {
        return "| `" + module + "` |";
    }

    /**
     * The collections docs/architecture.md says {@code module} owns: the rows of the table under
     * {@link #COLLECTIONS_HEADING} whose owner cell starts with the module's name.
     */
    public static SortedSet<String> documentedCollections(Path architectureMd, String module) {
        return section(architectureMd, COLLECTIONS_HEADING).filter(line -> line.startsWith("| `"))
                .map(line -> line.split("\\|"))
                .filter(cells -> cells.length > 2 && cells[2].strip().startsWith(module))
                .map(cells -> cells[1].strip().replace("`", ""))
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll);
    }

    /** The lines of a section of a Markdown file, from its heading to the next one of its level. */
    static Stream<String> section(Path markdown, String heading) {
        String text = read(markdown);
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError(markdown + " has no section '" + heading + "'");
        }
        String rest = text.substring(start + heading.length() + 2);
        int end = rest.indexOf("\n## ");
        return (end < 0 ? rest : rest.substring(0, end)).lines();
    }

    private ArchRule internalsOf(String feature) {
        String top = root + "." + feature;
        return ArchRuleDefinition.noClasses()
                .that(DescribedPredicate.describe("are outside " + top,
                        (JavaClass type) -> !type.getPackageName().equals(top)
                                && !type.getPackageName().startsWith(top + ".")))
                .should().dependOnClassesThat(DescribedPredicate.describe("are in sub-packages of " + top,
                        (JavaClass type) -> type.getPackageName().startsWith(top + ".")))
                .allowEmptyShould(true);
    }

    private static String constant(JavaField field) {
        try {
            Field constant = field.reflect();
            constant.setAccessible(true);
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field.getFullName(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
