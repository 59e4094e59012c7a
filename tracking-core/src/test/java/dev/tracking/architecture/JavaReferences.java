package dev.tracking.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads which types of a package a Java source file refers to: in imports, static imports and qualified names in the
 * code, not in comments or string literals. Plain text reading, so it needs no byte-code library.
 */
final class JavaReferences {

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");

    private JavaReferences() {
    }

    /**
     * For every source file under {@code root}, its top-level class name and the types of {@code packagePrefix} (and
     * its sub-packages) it refers to, only the files that refer to one.
     */
    static Map<String, Set<String>> under(Path root, String packagePrefix) {
        Map<String, Set<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                String code = code(read(file));
                Set<String> found = in(code, packagePrefix);
                if (!found.isEmpty()) {
                    references.put(className(code, file), found);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /**
     * The types of {@code packagePrefix} that {@code code} (already without comments and literals) names, as
     * {@code package.Type}; a wildcard import shows as {@code package.*}.
     */
    static Set<String> in(String code, String packagePrefix) {
        Pattern reference = Pattern.compile("(?<![\\w.])"
                + Pattern.quote(packagePrefix) + "(?:\\s*\\.\\s*[a-z_]\\w*)*\\s*\\.\\s*(?:[A-Z]\\w*|\\*)");
        Set<String> found = new TreeSet<>();
        Matcher m = reference.matcher(code);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s+", ""));
        }
        return found;
    }

    /** {@code source} with comments, string, text block and character literals blanked out. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = skipTo(source, i, "\n");
            } else if (source.startsWith("/*", i)) {
                i = skipTo(source, i + 2, "*/");
            } else if (source.startsWith("\"\"\"", i)) {
                i = skipTo(source, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(source, i + 1, c);
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static int skipTo(String source, int from, String end) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length();
    }

    private static int skipLiteral(String source, int from, char quote) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String className(String code, Path file) {
        Matcher m = PACKAGE.matcher(code);
        String simpleName = file.getFileName().toString().replace(".java", "");
        return m.find() ? m.group(1) + "." + simpleName : simpleName;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
