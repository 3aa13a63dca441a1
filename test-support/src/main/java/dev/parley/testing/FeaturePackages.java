package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
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
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

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
        String text = read(architectureMd);
        int table = text.indexOf(MAP_HEADING);
        if (table < 0) {
            throw new AssertionError(architectureMd + " has no section '" + MAP_HEADING + "'");
        }
        String prefix = "| `" + module + "` |";
        return text.substring(table).lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(row -> CODE.matcher(row.substring(prefix.length())).results().map(match -> match.group(1))
                        .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll))
                .orElseThrow(() -> new AssertionError(architectureMd + " lists no features of " + module));
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
