package io.hookgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.pull.api.PullStream;
import io.hookgate.pull.api.StreamRoute;
import io.hookgate.secrets.MasterKeys;
import io.hookgate.secrets.SecretCipher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a start has done before any request. A class that refuses a bad {@code hookgate.*} value is built, so the value
 * stops the start instead of failing requests on a replica that reports ready: {@code hookgate.auth.key-cache-ttl=10s}
 * passed every health check and then answered 500 to every valid key, because its cache was built on the first
 * request. And every metric README names is exported: {@code hookgate_outbox_send_failures_total} appeared only after
 * the first failure, so an alert on it could not tell "none yet" from "not scraped". Both found by README walks.
 */
@QuarkusTest
@TestProfile(FreshStartTest.FreshStart.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshStartTest {

    /** Its own application start, which no other test class shares, so no request has built anything yet. */
    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.auth.key-cache-ttl", "2s");
        }
    }

    private static final Path MAIN = Path.of("src/main/java");
    /** A class whose check is a static method, and the class whose construction calls it. */
    private static final Map<Class<?>, Class<?>> STATIC_CHECK_CALLERS = Map.of(
            MasterKeys.class, SecretCipher.class,
            PullStream.class, StreamRoute.class);
    private static final Pattern REFUSES_A_SETTING = Pattern.compile("Exception\\(\"hookgate\\.");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    @Order(2)
    void everyMetricTheReadmeNamesIsExportedBeforeAnyRequest() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Metrics"), readme.indexOf("## Deploying"));
        Set<String> named = new TreeSet<>();
        Pattern.compile("hookgate_[a-z_]+[a-z]").matcher(section).results().forEach(m -> named.add(m.group()));
        String metrics = given().baseUri(management.getProtocol() + "://" + management.getHost() + ":"
                + management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exported = new TreeSet<>();
        metrics.lines().filter(l -> !l.startsWith("#")).forEach(l -> exported.add(l.split("[{ ]", 2)[0]));
        assertThat(named).as("metrics README names").hasSizeGreaterThan(20);
        assertThat(named.stream().filter(name -> exported.stream()
                .noneMatch(e -> e.equals(name) || e.startsWith(name + "_"))).toList())
                .as("named in README but not exported at startup").isEmpty();
    }

    @Test
    @Order(1)
    void everyClassThatRefusesASettingIsBuiltAtStartup() throws Exception {
        List<Object> built = new ArrayList<>();
        for (var scope : List.of(ApplicationScoped.class, Singleton.class)) {
            InjectableContext context = Arc.container().getActiveContext(scope);
            built.addAll(context.getState().getContextualInstances().values());
        }
        List<Class<?>> checking = new ArrayList<>(classesThatRefuseASetting());
        assertThat(checking).as("classes that throw on a hookgate.* setting").hasSizeGreaterThan(5);
        // static checks: the class that calls them must be the one built at startup
        STATIC_CHECK_CALLERS.forEach((check, caller) -> {
            assertThat(checking).as("still a class with a check").contains(check);
            checking.set(checking.indexOf(check), caller);
        });
        assertThat(checking).as("classes with a setting check that nothing built during startup").allSatisfy(type ->
                assertThat(built).as(type.getName()).anySatisfy(instance ->
                        assertThat(type).isAssignableFrom(instance.getClass())));
    }

    private static List<Class<?>> classesThatRefuseASetting() throws IOException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (REFUSES_A_SETTING.matcher(read(file)).find()) {
                    out.add(load(MAIN.relativize(file).toString().replace(".java", "").replace('/', '.')));
                }
            }
        }
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
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
