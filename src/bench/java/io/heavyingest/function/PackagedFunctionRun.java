package io.heavyingest.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.json.Json;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.InProcessS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs the packaged function as Lambda's managed Java runtime does and checks it: {@code target/function.zip}
 * unzipped as {@code /var/task}, started by AWS's Runtime Interface Client with Lambda's JVM flags
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, heap sized from the memory setting),
 * one process per handler, against a Runtime API emulator, with real S3 events for objects in an in-process S3
 * server. Prints init time, first-event time, a second (warm) event's time and peak RSS per handler, and fails
 * unless every handler answers and the rows are exact.
 *
 * <p>Options after the positional arguments ({@code key=value}):
 * <ul>
 *   <li>{@code warehouse=duckdb} (default, the embedded warehouse in the task's /tmp) or {@code warehouse=heavydb}:
 *       the deployed path, against the loopback HeavyDB server (real Thrift over a socket; ingest handler only);</li>
 *   <li>{@code variants=NAME:OPTIONS;NAME:OPTIONS}: JAVA_TOOL_OPTIONS per variant, as set on the function
 *       (e.g. {@code lambda:;c2:-XX:TieredStopAtLevel=4}); each variant runs {@code repeat} times in turn and the
 *       medians are printed side by side;</li>
 *   <li>{@code heavydb-url=heavydb://user@host:port/db}: the deployed path against a HeavyDB server of your own
 *       (password from this process's {@code HEAVYDB_PASSWORD}); ingest handler only;</li>
 *   <li>{@code repeat=N} (default 1).</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q package -DskipTests &amp;&amp; ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.heavyingest.function.PackagedFunctionRun \
 *   -Dexec.args="target/function.zip target/data/pnl_82x25544_seed42.csv 1024 ingest,benchmark"
 * </pre>
 */
public final class PackagedFunctionRun {
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private PackagedFunctionRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PackagedFunctionRun <function.zip> <file.csv> [memoryMb=1024] [handlers=ingest,benchmark]"
                    + " [warehouse=duckdb|heavydb] [heavydb-url=URL] [variants=NAME:JAVA_TOOL_OPTIONS;...] [repeat=N]");
            System.exit(2);
        }
        Path zip = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        int memoryMb = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        List<String> handlers = List.of((args.length > 3 ? args[3] : "ingest,benchmark").split(","));
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String externalHeavyDb = options.get("heavydb-url");
        boolean heavydb = externalHeavyDb != null || "heavydb".equals(options.getOrDefault("warehouse", "duckdb"));
        if (heavydb && handlers.contains("benchmark")) {
            throw new IllegalArgumentException("warehouse=heavydb runs the ingest handler only (the loopback server has no query engine)");
        }
        Map<String, String> variants = new java.util.LinkedHashMap<>();
        for (String v : options.getOrDefault("variants", "lambda:").split(";")) {
            int colon = v.indexOf(':');
            variants.put(v.substring(0, colon), v.substring(colon + 1));
        }
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
        long expectedRows = rowsOf(csv);
        Path work = Files.createTempDirectory("packaged-function");
        Path task = unzip(zip, work.resolve("task"));
        // the managed runtime's own jars: the client and its serialization library (the function brings the core API)
        String ric = jarOf(RIC_MAIN) + ":" + jarOf("com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil");
        System.setProperty("aws.accessKeyId", "local-run");
        System.setProperty("aws.secretAccessKey", "local-run");
        System.out.printf("function.zip %,d bytes, unzipped to %s; memory %d MB; file %s (%,d rows expected); warehouse %s%n",
                Files.size(zip), task, memoryMb, csv, expectedRows, externalHeavyDb != null ? "HeavyDB at " + externalHeavyDb
                        : heavydb ? "HeavyDB (loopback server)" : "DuckDB (embedded)");

        boolean ok = true;
        Map<String, List<Result>> results = new java.util.LinkedHashMap<>();
        try (InProcessS3 s3server = InProcessS3.onDisk(Files.createDirectories(work.resolve("objects")));
             S3Client s3 = BucketEnv.client(s3server.endpoint())) {
            for (int round = 0; round < repeat; round++) {
                for (Map.Entry<String, String> variant : variants.entrySet()) {
                    // every run starts from an empty warehouse and bucket, so each first event is a real load
                    String bucket = "pnl-" + round + "-" + variant.getKey().toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("[^a-z0-9]", "-");
                    s3.createBucket(b -> b.bucket(bucket));
                    String key = "incoming/" + csv.getFileName();
                    PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(csv));
                    Map<String, String> env = new java.util.HashMap<>(Map.of(
                            "AWS_REGION", "us-east-1",
                            "AWS_ACCESS_KEY_ID", "local-run",
                            "AWS_SECRET_ACCESS_KEY", "local-run",
                            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb),
                            // a cold start without SnapStart, as Lambda says it (a variant may prime anyway)
                            "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
                            "QUARKUS_S3_ENDPOINT_OVERRIDE", s3server.endpoint().toString(),
                            "QUARKUS_S3_PATH_STYLE_ACCESS", "true",
                            "HEAVY_INGEST_BUCKET_LOCAL_OUTPUT_FOLDER", work.resolve("unused").toString(),
                            // as the deployment sets it: manifests, claims and reports go to the data bucket
                            "HEAVY_INGEST_BUCKET_OUTPUT_BUCKET", bucket));
                    if (!variant.getValue().isBlank()) {
                        env.put("JAVA_TOOL_OPTIONS", variant.getValue());
                    }
                    io.heavyingest.heavydb.LoopbackHeavyDb server = null;
                    if (externalHeavyDb != null) {
                        env.put("HEAVYDB_URL", externalHeavyDb);
                        env.put("HEAVYDB_PASSWORD", System.getenv().getOrDefault("HEAVYDB_PASSWORD", ""));
                        env.put("HEAVY_INGEST_WAREHOUSE_KIND", "heavydb");
                    } else if (heavydb) {
                        server = new io.heavyingest.heavydb.LoopbackHeavyDb();
                        env.put("HEAVYDB_URL", server.url());
                        env.put("HEAVYDB_PASSWORD", io.heavyingest.heavydb.LoopbackHeavyDb.PASSWORD);
                        env.put("HEAVY_INGEST_WAREHOUSE_KIND", "heavydb");
                    } else {
                        env.put("HEAVY_INGEST_WAREHOUSE_DUCKDB_PATH",
                                work.resolve(bucket + ".duckdb").toString());
                    }
                    try {
                        ok &= runHandlers(s3, bucket, key, put, csv, expectedRows, handlers, task, ric, env, memoryMb,
                                variant.getKey(), results);
                    } finally {
                        if (server != null) {
                            server.close();
                        }
                    }
                }
            }
        }
        if (repeat > 1 || variants.size() > 1) {
            System.out.printf("%nmedians of %d run(s) per variant (ms; init + first event is what a cold start costs"
                    + " without SnapStart)%n", repeat);
            System.out.printf("%-28s %8s %12s %14s %12s %9s %10s %10s%n", "handler / variant", "init", "first event",
                    "init + first", "warm event", "peak RSS", "init cpu", "first cpu");
            for (Map.Entry<String, List<Result>> e : results.entrySet()) {
                List<Result> rs = e.getValue();
                System.out.printf("%-28s %8d %12d %14d %12d %6d MB %10d %10d%n", e.getKey(),
                        median(rs, r -> r.initMillis), median(rs, r -> r.eventMillis),
                        median(rs, r -> r.initMillis + r.eventMillis), median(rs, r -> r.warmMillis),
                        median(rs, r -> r.peakRssKb) / 1024, median(rs, r -> r.initCpuMillis),
                        median(rs, r -> r.eventCpuMillis));
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static long median(List<Result> rs, java.util.function.ToLongFunction<Result> f) {
        long[] v = rs.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static boolean runHandlers(S3Client s3, String bucket, String key, PutObjectResponse put, Path csv,
                                       long expectedRows, List<String> handlers, Path task, String ric,
                                       Map<String, String> env, int memoryMb, String variant,
                                       Map<String, List<Result>> results) throws Exception {
        boolean ok = true;
        String datasetId = null;
        for (String handler : handlers) {
            String event;
            String again;
            if (handler.equals("ingest")) {
                event = Events.s3Put(bucket, key, Files.size(csv), put.eTag().replace("\"", ""), put.versionId());
                // the same file under a second key: a full load in the now warm process
                String key2 = "incoming/again-" + csv.getFileName();
                PutObjectResponse put2 = s3.putObject(b -> b.bucket(bucket).key(key2), RequestBody.fromFile(csv));
                again = Events.s3Put(bucket, key2, Files.size(csv), put2.eTag().replace("\"", ""), put2.versionId());
            } else {
                if (datasetId == null) {
                    throw new IllegalStateException("run the ingest handler first: the benchmark needs its manifest");
                }
                String manifest = "manifests/" + datasetId + ".json";
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(manifest));
                event = Events.s3Put(bucket, manifest, head.contentLength(), head.eTag().replace("\"", ""),
                        head.versionId());
                again = null;
            }
            Result r = run(task, ric, handler, env, memoryMb, event, again);
            results.computeIfAbsent(handler + " / " + variant, k -> new ArrayList<>()).add(r);
            System.out.printf("%-10s %-12s init %,5d ms (cpu %,5d)   first event %,6d ms (cpu %,5d)   warm event %,6d ms"
                            + "   peak RSS %,5d MB   answer %s%n", handler, variant, r.initMillis, r.initCpuMillis,
                    r.eventMillis, r.eventCpuMillis, r.warmMillis, r.peakRssKb / 1024, abbreviate(r.answer));
            JsonNode answer = Json.mapper().readTree(r.answer);
            if (handler.equals("ingest")) {
                JsonNode outcome = answer.path("outcomes").path(0);
                datasetId = outcome.path("datasetId").asText(null);
                boolean exact = "LOADED".equals(outcome.path("status").asText())
                        && outcome.path("rows").asLong() == expectedRows;
                System.out.printf("           %s: %s, %,d rows (expected %,d)%n", exact ? "ok" : "WRONG",
                        outcome.path("status").asText(), outcome.path("rows").asLong(), expectedRows);
                ok &= exact;
            } else {
                String prefix = "reports/" + datasetId + "/";
                boolean reported = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix))
                        .contents().stream().anyMatch(o -> o.key().endsWith(".json"));
                System.out.printf("           %s: report under reports/%s/%n", reported ? "ok" : "MISSING", datasetId);
                ok &= reported;
            }
        }
        return ok;
    }

    private record Result(long initMillis, long eventMillis, long warmMillis, long peakRssKb, String answer,
                          long initCpuMillis, long eventCpuMillis) {
    }

    /** CPU time (user + system, all threads) the process has used so far, from /proc/<pid>/stat. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of the file (utime, stime), counted from the state field (3) after the command name
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / 100;   // USER_HZ is 100 on Linux
    }

    private static Result run(Path task, String ric, String handler, Map<String, String> env, int memoryMb,
                              String event, String again) throws Exception {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java));
            // Lambda's defaults; a JAVA_TOOL_OPTIONS that sets the tiering replaces them, as on Lambda (on the
            // command line they would win over JAVA_TOOL_OPTIONS, which the JVM reads first)
            if (!env.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("Tiered")) {
                command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
            }
            command.addAll(List.of("-XX:+UseSerialGC", "-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxRAMPercentage=85",
                    "-cp", task + ":" + task.resolve("lib") + "/*:" + ric, RIC_MAIN, HANDLER));
            ProcessBuilder pb = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true)
                    .redirectOutput(task.getParent().resolve(handler + ".log").toFile());
            pb.environment().putAll(env);
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            pb.environment().put("QUARKUS_LAMBDA_HANDLER", handler);
            pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "heavy-ingest-" + handler);
            long t0 = System.nanoTime();
            Process process = pb.start();
            try {
                long polled = api.firstPoll().get(120, TimeUnit.SECONDS);
                long initCpu = cpuMillis(process.pid());
                if (api.initError() != null) {
                    throw new IllegalStateException(handler + " failed to start: " + api.initError());
                }
                long e0 = System.nanoTime();
                RuntimeApiEmulator.Invocation i = api.invoke(event, 900_000);
                String answer = i.answer().get(15, TimeUnit.MINUTES);
                long e1 = System.nanoTime();
                long eventCpu = cpuMillis(process.pid()) - initCpu;
                long warm = -1;
                if (again != null) {
                    long w0 = System.nanoTime();
                    api.invoke(again, 900_000).answer().get(15, TimeUnit.MINUTES);
                    warm = (System.nanoTime() - w0) / 1_000_000;
                }
                long rss = peakRssKb(process.pid());
                return new Result((polled - t0) / 1_000_000, (e1 - e0) / 1_000_000, warm, rss, answer, initCpu,
                        eventCpu);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static Path jarOf(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** VmHWM of the process: the peak resident set, what Lambda's memory limit is measured against. */
    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    private static long rowsOf(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv); WideCsvReader reader = new WideCsvReader(in, csv.toString())) {
            WideRow row = new WideRow(reader.header().strategies().size());
            long days = 0;
            while (reader.next(row)) {
                days++;
            }
            return days * reader.header().strategies().size();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
