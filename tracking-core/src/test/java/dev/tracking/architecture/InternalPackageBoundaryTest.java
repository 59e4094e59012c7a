package dev.tracking.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.tracking.internal} is the engine, not API: nothing outside it may use it, apart from the uses the design
 * intends (the builder creating the engine, the vendors' stage packages, the argument checks). There are no other
 * exceptions: a new use fails the test.
 */
class InternalPackageBoundaryTest {

    private static final String INTERNAL = "dev.tracking.internal";

    /** Arrows the design intends: the builder creates the engine. */
    private static final Set<String> BY_DESIGN =
            Set.of("dev.tracking.TrackerBuilder -> dev.tracking.internal.DefaultTracker");

    /**
     * Internal stage packages meant for the vendors' code: their wire formats write with our JSON writer, their HTTP
     * handling shares URL encoding, {@code Retry-After}, the transport failure reasons and the unexpected response.
     */
    private static final Map<String, Set<String>> STAGE_USERS = Map.of(
            "dev.tracking.internal.json", Set.of("dev.tracking.outlit", "dev.tracking.lotus"),
            "dev.tracking.internal.http", Set.of("dev.tracking.outlit", "dev.tracking.lotus"));

    /**
     * Internal packages meant for every package of the library, as OpenTelemetry's {@code api.internal} is for its
     * API: the argument checks that options, builders and clients share.
     */
    private static final Set<String> FOR_EVERY_PACKAGE = Set.of("dev.tracking.internal.check");

    private static final List<String> OTHER_MODULES = List.of("tracking-spring-boot-starter",
            "tracking-spring-boot-test", "sample-app", "benchmarks");

    @Test
    void noCoreClassUsesInternalBeyondTheDesign() {
        assertThat(arrowsFromOutsideInternal()).as("uses of " + INTERNAL + " from outside it: use the public API, or "
                + "keep the helper next to its users").isEmpty();
    }

    @Test
    void theScanFindsTheUsesTheDesignAllows() {
        Set<String> all = new TreeSet<>();
        JavaReferences.under(Path.of("src", "main", "java"), INTERNAL).forEach((type, used) -> {
            if (!inPackage(type, INTERNAL)) {
                used.forEach(u -> all.add(type + " -> " + u));
            }
        });

        assertThat(all).contains("dev.tracking.TrackerBuilder -> dev.tracking.internal.DefaultTracker",
                "dev.tracking.outlit.OutlitEncoder -> dev.tracking.internal.json.JsonBuffer")
                .allMatch(arrow -> allowedByDesign(arrow.substring(0, arrow.indexOf(' ')),
                        arrow.substring(arrow.lastIndexOf(' ') + 1)));
    }

    @Test
    void noOtherModuleUsesInternal() {
        for (String module : OTHER_MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as(module).isDirectory();
            assertThat(JavaReferences.under(sources, INTERNAL)).as(module + " uses of " + INTERNAL).isEmpty();
        }
    }

    @Test
    void theScanSeesImportsStaticImportsWildcardsAndQualifiedNamesButNotCommentsOrStrings() {
        String source = """
                package dev.tracking.example;

                import dev.tracking.internal.Checks;
                import static dev.tracking.internal.json.JsonStrings.quote;
                import dev.tracking.internal.http.*;
                // dev.tracking.internal.InAComment
                /** {@link dev.tracking.internal.InJavadoc} */
                class Example {
                    Object engine = new dev.tracking.internal.DefaultTracker.Nested();
                    String text = "dev.tracking.internal.InAString";
                    char quote = '"';
                    Object after = dev.tracking.internal.AfterTheQuote.VALUE;
                }
                """;

        assertThat(JavaReferences.in(JavaReferences.code(source), INTERNAL)).containsExactly(
                "dev.tracking.internal.AfterTheQuote", "dev.tracking.internal.Checks",
                "dev.tracking.internal.DefaultTracker", "dev.tracking.internal.http.*",
                "dev.tracking.internal.json.JsonStrings");
    }

    @Test
    void theDesignAllowsTheVendorsStagePackagesAndTheArgumentChecksOnly() {
        assertThat(allowedByDesign("dev.tracking.outlit.OutlitEncoder", "dev.tracking.internal.json.JsonBuffer"))
                .isTrue();
        assertThat(allowedByDesign("dev.tracking.lotus.LotusHttp", "dev.tracking.internal.http.Urls")).isTrue();
        assertThat(allowedByDesign("dev.tracking.lotus.LotusHttp", "dev.tracking.internal.http.*")).isFalse();
        assertThat(allowedByDesign("dev.tracking.outlit.OutlitEncoder", "dev.tracking.internal.Checks")).isFalse();
        assertThat(allowedByDesign("dev.tracking.local.LocalPlan", "dev.tracking.internal.json.JsonBuffer"))
                .isFalse();
        assertThat(allowedByDesign("dev.tracking.outlit.sub.Type", "dev.tracking.internal.json.JsonBuffer"))
                .isFalse();
        assertThat(allowedByDesign("dev.tracking.TrackerBuilder", "dev.tracking.internal.DefaultTracker")).isTrue();
        assertThat(allowedByDesign("dev.tracking.local.LocalPlan", "dev.tracking.internal.check.Arguments")).isTrue();
        assertThat(allowedByDesign("dev.tracking.testing.RecordingTracker", "dev.tracking.internal.check.Arguments"))
                .isTrue();
        assertThat(allowedByDesign("dev.tracking.local.LocalPlan", "dev.tracking.internal.check.*")).isFalse();
        assertThat(allowedByDesign("dev.tracking.local.LocalPlan", "dev.tracking.internal.DefaultTracker")).isFalse();
    }

    /** Every use of internal from a core class outside it, as {@code class -> type}, less those the design intends. */
    private static Set<String> arrowsFromOutsideInternal() {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources).isDirectory();
        Set<String> arrows = new TreeSet<>();
        JavaReferences.under(sources, INTERNAL).forEach((type, used) -> {
            if (!inPackage(type, INTERNAL)) {
                used.stream().filter(u -> !allowedByDesign(type, u)).forEach(u -> arrows.add(type + " -> " + u));
            }
        });
        return arrows;
    }

    private static boolean allowedByDesign(String type, String used) {
        if (BY_DESIGN.contains(type + " -> " + used)) {
            return true;
        }
        String typePackage = type.substring(0, type.lastIndexOf('.'));
        String usedPackage = used.substring(0, used.lastIndexOf('.'));
        if (used.endsWith(".*")) {
            return false;
        }
        return FOR_EVERY_PACKAGE.contains(usedPackage)
                || STAGE_USERS.getOrDefault(usedPackage, Set.of()).contains(typePackage);
    }

    private static boolean inPackage(String type, String packageName) {
        return type.startsWith(packageName + ".");
    }
}
