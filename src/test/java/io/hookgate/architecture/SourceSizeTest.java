package io.hookgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Size limits on src/main/java (STYLE.md): small files, short methods, no package holding the bulk of the code. */
class SourceSizeTest {

    static final int MAX_FILE_LINES = 250;
    static final int MAX_METHOD_LINES = 40;
    static final double MAX_PACKAGE_SHARE = 0.20;

    private static final Path MAIN = Path.of("src/main/java");
    private static Map<Path, String> sources;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.toMap(f -> f, SourceSizeTest::text, (a, b) -> a, TreeMap::new));
        }
        assertThat(sources).as("main sources").hasSizeGreaterThan(100);
    }

    @Test
    void noMainSourceFileIsLongerThan250Lines() {
        Map<Path, Integer> tooLong = new TreeMap<>();
        sources.forEach((file, text) -> {
            if (lines(text) > MAX_FILE_LINES) {
                tooLong.put(file, lines(text));
            }
        });
        assertThat(tooLong).as("files over %d lines", MAX_FILE_LINES).isEmpty();
    }

    @Test
    void noMethodIsLongerThan40Lines() {
        Map<String, Integer> tooLong = new TreeMap<>();
        sources.forEach((file, text) -> JavaSource.methods(text).stream()
                .filter(m -> m.lines() > MAX_METHOD_LINES)
                .forEach(m -> tooLong.put(file + ":" + m.line(), m.lines())));
        assertThat(tooLong).as("method bodies over %d lines", MAX_METHOD_LINES).isEmpty();
    }

    @Test
    void noPackageHoldsMoreThanAFifthOfTheMainSourceLines() {
        Map<String, Integer> perPackage = new TreeMap<>();
        sources.forEach((file, text) -> perPackage.merge(MAIN.relativize(file.getParent()).toString(), lines(text),
                Integer::sum));
        int total = perPackage.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> tooBig = new TreeMap<>(perPackage);
        tooBig.values().removeIf(n -> n <= total * MAX_PACKAGE_SHARE);
        assertThat(tooBig).as("packages over %.0f %% of %d lines", MAX_PACKAGE_SHARE * 100, total).isEmpty();
    }

    @Test
    void theMethodCounterSeesThroughAnnotationsLiteralsAndLambdas() {
        String body = "        int x = 1;\n".repeat(39);
        String source = """
                package p;
                @Tag(name = "a", tags = {"{", "}"})
                public class A {
                    private final Runnable r = () -> { };
                    @Operation(summary = "x = {", implementation = A.class)
                    public void long41() {
                %s    }
                    void short3(String s) {
                        String t = \"""
                            } } {
                            \""";
                    }
                    record R(int a) {
                        R {
                            char c = '}';
                        }
                    }
                }
                """.formatted(body);
        List<JavaSource.Method> methods = JavaSource.methods(source);
        assertThat(methods).extracting(JavaSource.Method::lines).containsExactly(41, 5, 3);
        assertThat(methods.get(0).header()).contains("long41");
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
