package io.hookgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class with tests is one that Surefire or Failsafe runs by its default name patterns: the no-wedge property
 * was named {@code LanesNeverWedgeProperties} for a whole issue and the test command never ran it.
 */
class TestDiscoveryTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern TEST_METHOD =
            Pattern.compile("(?m)^\\s*@(Test|Property|Example|ParameterizedTest)\\b");
    private static final Pattern RUN_BY_NAME = Pattern.compile(
            "(Test[^/]*|[^/]*Test|[^/]*Tests|[^/]*TestCase|IT[^/]*|[^/]*IT|[^/]*ITCase)\\.java");

    @Test
    void everyClassWithTestsHasANameTheTestCommandRuns() throws IOException {
        List<Path> withTests;
        try (Stream<Path> files = Files.walk(TESTS)) {
            withTests = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> TEST_METHOD.matcher(text(f)).find()).toList();
        }
        assertThat(withTests).as("classes with tests").hasSizeGreaterThan(100);
        assertThat(withTests).as("classes no default Surefire or Failsafe pattern picks up")
                .allSatisfy(f -> assertThat(RUN_BY_NAME.matcher(f.getFileName().toString()).matches())
                        .as(f.toString()).isTrue());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
