package io.hookgate.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * target/reliability/: each scenario appends one JSON line, and report.json and report.md are rewritten from
 * all lines, so a report exists even when a later scenario fails.
 */
public final class ReliabilityReport {

    public static final Path DIR = Path.of("target", "reliability");
    private static final Path LINES = DIR.resolve("scenarios.jsonl");

    private ReliabilityReport() {
    }

    /** Records a scenario's figures, whether it passed or not, and rewrites the reports. */
    public static synchronized void append(Figures figures, boolean passed) throws IOException {
        Files.createDirectories(DIR);
        JsonObject line = figures.toJson().put("passed", passed).put("finished_at", Instant.now().toString());
        Files.writeString(LINES, line.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        rewrite();
    }

    private static void rewrite() throws IOException {
        JsonArray all = new JsonArray();
        for (String l : Files.readAllLines(LINES, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                all.add(new JsonObject(l));
            }
        }
        Files.writeString(DIR.resolve("report.json"),
                new JsonObject().put("generated_at", Instant.now().toString()).put("scenarios", all).encodePrettily());
        Files.writeString(DIR.resolve("report.md"), markdown(all.stream().map(JsonObject.class::cast).toList()));
    }

    private static String markdown(List<JsonObject> rows) {
        StringBuilder md = new StringBuilder("# Hookgate reliability report\n\nGenerated ").append(Instant.now())
                .append(". lost = expected − unique delivered − dead-lettered; duplicates = received − unique.\n\n")
                .append("| scenario | result | expected | unique delivered | dead-lettered | lost | duplicates |"
                        + " invalid signatures (verified) | deliveries/s | e2e p50 ms | e2e p99 ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonObject r : rows) {
            md.append("| ").append(r.getString("scenario")).append(" | ")
                    .append(r.getBoolean("passed") ? "PASS" : "FAIL").append(" | ").append(r.getLong("expected"))
                    .append(" | ").append(r.getLong("unique_delivered")).append(" | ")
                    .append(r.getLong("dead_lettered")).append(" | ").append(r.getLong("lost")).append(" | ")
                    .append(r.getLong("duplicates")).append(" | ").append(r.getLong("invalid_signatures"))
                    .append(" (").append(r.getLong("signatures_verified")).append(") | ")
                    .append(r.getDouble("deliveries_per_second")).append(" | ").append(r.getLong("e2e_p50_ms"))
                    .append(" | ").append(r.getLong("e2e_p99_ms")).append(" |\n");
        }
        md.append("\n## Scenario notes\n\n");
        for (JsonObject r : rows) {
            md.append("- **").append(r.getString("scenario")).append("**: ")
                    .append(r.getJsonObject("notes").encode()).append('\n');
        }
        return md.toString();
    }
}
