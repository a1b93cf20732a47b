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
 * server. Prints init time, first-event time and peak RSS per handler, and fails unless every handler answers
 * and the rows are exact.
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
            System.err.println("usage: PackagedFunctionRun <function.zip> <file.csv> [memoryMb=1024] [handlers=ingest,benchmark]");
            System.exit(2);
        }
        Path zip = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        int memoryMb = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        List<String> handlers = List.of((args.length > 3 ? args[3] : "ingest,benchmark").split(","));
        long expectedRows = rowsOf(csv);
        Path work = Files.createTempDirectory("packaged-function");
        Path task = unzip(zip, work.resolve("task"));
        // the managed runtime's own jars: the client and its serialization library (the function brings the core API)
        String ric = jarOf(RIC_MAIN) + ":" + jarOf("com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil");
        System.setProperty("aws.accessKeyId", "local-run");
        System.setProperty("aws.secretAccessKey", "local-run");
        System.out.printf("function.zip %,d bytes, unzipped to %s; memory %d MB; file %s (%,d rows expected)%n",
                Files.size(zip), task, memoryMb, csv, expectedRows);

        boolean ok = true;
        try (InProcessS3 s3server = InProcessS3.onDisk(Files.createDirectories(work.resolve("objects")));
             S3Client s3 = BucketEnv.client(s3server.endpoint())) {
            String bucket = "pnl-bucket";
            s3.createBucket(b -> b.bucket(bucket));
            String key = "incoming/" + csv.getFileName();
            PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(csv));
            Map<String, String> env = Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "local-run",
                    "AWS_SECRET_ACCESS_KEY", "local-run",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb),
                    "QUARKUS_S3_ENDPOINT_OVERRIDE", s3server.endpoint().toString(),
                    "QUARKUS_S3_PATH_STYLE_ACCESS", "true",
                    "HEAVY_INGEST_WAREHOUSE_DUCKDB_PATH", work.resolve("warehouse.duckdb").toString(),
                    "HEAVY_INGEST_BUCKET_LOCAL_OUTPUT_FOLDER", work.resolve("unused").toString());
            String datasetId = null;
            for (String handler : handlers) {
                String event;
                if (handler.equals("ingest")) {
                    event = Events.s3Put(bucket, key, Files.size(csv), put.eTag().replace("\"", ""), put.versionId());
                } else {
                    if (datasetId == null) {
                        throw new IllegalStateException("run the ingest handler first: the benchmark needs its manifest");
                    }
                    String manifest = "manifests/" + datasetId + ".json";
                    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(manifest));
                    event = Events.s3Put(bucket, manifest, head.contentLength(), head.eTag().replace("\"", ""),
                            head.versionId());
                }
                Result r = run(task, ric, handler, env, memoryMb, event);
                System.out.printf("%-10s init %,5d ms   first event %,6d ms   peak RSS %,5d MB   answer %s%n",
                        handler, r.initMillis, r.eventMillis, r.peakRssKb / 1024, abbreviate(r.answer));
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
        }
        System.exit(ok ? 0 : 1);
    }

    private record Result(long initMillis, long eventMillis, long peakRssKb, String answer) {
    }

    private static Result run(Path task, String ric, String handler, Map<String, String> env, int memoryMb,
                              String event) throws Exception {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java,
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxRAMPercentage=85",
                    "-cp", task + ":" + task.resolve("lib") + "/*:" + ric,
                    RIC_MAIN, HANDLER));
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
                if (api.initError() != null) {
                    throw new IllegalStateException(handler + " failed to start: " + api.initError());
                }
                long e0 = System.nanoTime();
                RuntimeApiEmulator.Invocation i = api.invoke(event, 900_000);
                String answer = i.answer().get(15, TimeUnit.MINUTES);
                long e1 = System.nanoTime();
                long rss = peakRssKb(process.pid());
                return new Result((polled - t0) / 1_000_000, (e1 - e0) / 1_000_000, rss, answer);
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
