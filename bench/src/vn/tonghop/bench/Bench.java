package vn.tonghop.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;

/**
 * {@code bench/run}: generates a year of district files from the real registry, then measures on the same
 * files and the same PostgreSQL the floor (read + COPY), tonghop's {@code run} from an empty database, a
 * nightly {@code run} of five new files on top of the loaded year, and the same five files taken by a running
 * {@code serve} (on a copy of the loaded year: an installation's nightly run, without a JVM to start); checks every
 * {@code aggregates.csv} against the generated sums; prints the table last. {@code --big-xlsx} measures one 200,000-row workbook instead.
 */
public final class Bench {

    private final Map<String, String> options;
    private final Path root;
    private final Path work;
    private final String xmx;
    private final int threads;
    private final boolean profile;
    /** Extra JVM options for tonghop's own runs (--jvm "-XX:..."), to compare JVM settings on the same files. */
    private final List<String> jvmOptions;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        this.work = root.resolve(options.getOrDefault("work", "target/bench/work")).toAbsolutePath().normalize();
        this.xmx = options.getOrDefault("xmx", "512m");
        this.threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        this.profile = options.containsKey("profile");
        this.jvmOptions = options.containsKey("jvm") ? List.of(options.get("jvm").trim().split("\\s+")) : List.of();
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = name.equals("profile") || name.equals("big-xlsx") || name.equals("keep");
            if (!flag && i + 1 >= args.length) {
                usage("--" + name + " needs a value");
            }
            options.put(name, flag ? "" : args[++i]);
        }
        Bench bench = new Bench(options);
        int exit = options.containsKey("big-xlsx") ? new BigXlsx(bench.root, bench.work, options).run() : bench.year();
        discardSetAside(bench.work);
        System.exit(exit);
    }

    private static void usage(String problem) {
        System.err.println("bench/run: " + problem);
        System.err.println("usage: bench/run [--communes N] [--seed S] [--xmx 512m] [--threads 2] [--profile] [--work DIR] [--jvm OPTIONS]");
        System.err.println("       bench/run --big-xlsx [--rows 200000] [--xmx 256m]");
        System.exit(2);
    }

    private int year() throws Exception {
        int communes = Integer.parseInt(options.getOrDefault("communes", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "2024"));
        int year = Integer.parseInt(options.getOrDefault("year", "2024"));
        Path registryFile = root.resolve(options.getOrDefault("registry", "../shared/data/admin-units/units-2024.csv")).normalize();
        if (!Files.isRegularFile(registryFile)) {
            System.err.println("bench/run: the real registry " + registryFile + " is missing (shared/data/admin-units)");
            return 1;
        }
        ReportForm form = new FormLoader().load(root.resolve("jobs/antq-01.yaml"));

        setAside(work);
        Path files = work.resolve("files");
        Path nightlyFiles = work.resolve("nightly-files");
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path jar = privateJar(root, work);
        Registry registry = Registry.read(registryFile, communes);
        registry.write(work.resolve("registry.csv"));
        long t0 = System.nanoTime();
        YearGenerator generator = new YearGenerator(registry, new YearModel(form, year, seed), seed);
        YearGenerator.Summary summary = generator.generate(files, nightlyFiles, threads);
        System.out.printf(Locale.ROOT, "Generated %d files (%d communes, %d districts, %,d values) and %d nightly files in %.1f s under %s%n",
                summary.files(), registry.communeCount(), registry.districts.size(), summary.values(), summary.nightlyFiles(),
                (System.nanoTime() - t0) / 1e9, work);
        Files.write(work.resolve("expected-aggregates.csv"), generator.expectedYear().lines(), StandardCharsets.UTF_8);
        Files.write(work.resolve("expected-aggregates-nightly.csv"), generator.expectedNightly().lines(), StandardCharsets.UTF_8);

        try (EmbeddedPostgres postgres = startPostgres(work.resolve("pg"))) {
            String server = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            long postmaster = postmaster(work.resolve("pg"));
            createDatabase(server, "floor");
            createDatabase(server, "tonghop");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("java.class.path");

            System.out.println("floor: reading every file and COPYing its values ...");
            // on the JVM options tonghop's batch commands run with (BatchJvm), as tonghop's own run does; and, for the
            // rounds before those options, on a JVM as it comes
            Measured floor = floor(java, classpath, BATCH_JVM_OPTIONS, files, server, logs.resolve("floor.out"), postmaster);
            long copied = count(server + "floor?user=postgres", "SELECT count(*) FROM floor_value");
            dropFloorTable(server);
            Measured plainFloor = floor(java, classpath, List.of(), files, server, logs.resolve("floor-plain.out"), postmaster);
            dropFloorTable(server);
            String[] counted = Files.readAllLines(floor.output()).get(0).split(" ");
            long floorValues = Long.parseLong(counted[3]);

            Path run = Files.createDirectories(work.resolve("run"));
            Path inbox = work.resolve("run/inbox");
            copyTree(files, inbox);
            Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", server + "tonghop", "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "", "TONGHOP_LOG_FILE", logs.resolve("tonghop.log").toString());
            Measured units = Measured.run(List.of(java, "-Xmx" + xmx, "-jar", jar.toString(), "units", "import",
                    work.resolve("registry.csv").toString()), run, env, logs.resolve("units-import.out"), 0);
            require(units, "units import");

            System.out.println("tonghop: run on the whole year from an empty database ...");
            java.sql.Timestamp tonghopStart = now(server + "tonghop?user=postgres");
            Measured tonghop = Measured.run(tonghopRun(java, jar, "tonghop"), run, env, logs.resolve("tonghop.out"), postmaster);
            require(tonghop, "tonghop run");
            Comparison afterYear = compare(work.resolve("expected-aggregates.csv"), run.resolve("out/aggregates.csv"));
            long loaded = count(server + "tonghop?user=postgres", "SELECT count(*) FROM value v JOIN report r ON r.id = v.report_id "
                    + "WHERE r.superseded_by IS NULL");

            // the loaded year copied, for the nightly run under serve (the same five files, on the same year)
            try (Connection c = DriverManager.getConnection(server + "postgres?user=postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE tonghop_serve TEMPLATE tonghop");
            }
            copyTree(nightlyFiles, inbox);
            String tonghopSteps = steps(server + "tonghop?user=postgres", tonghopStart);
            System.out.println("nightly: run with " + summary.nightlyFiles() + " new files on top of the year ...");
            java.sql.Timestamp nightlyStart = now(server + "tonghop?user=postgres");
            Measured nightly = Measured.run(tonghopRun(java, jar, "nightly"), run, env, logs.resolve("nightly.out"), postmaster);
            require(nightly, "nightly run");
            Comparison afterNightly = compare(work.resolve("expected-aggregates-nightly.csv"), run.resolve("out/aggregates.csv"));
            String nightlySteps = steps(server + "tonghop?user=postgres", nightlyStart);

            System.out.println("nightly under serve: the same files dropped into a running serve's inbox ...");
            Path serveWork = Files.createDirectories(work.resolve("serve"));
            Map<String, String> serveEnv = Map.of("SPRING_DATASOURCE_URL", server + "tonghop_serve", "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "", "TONGHOP_LOG_FILE", logs.resolve("serve.log").toString());
            List<String> serveCommand = new ArrayList<>(List.of(java, "-Xmx" + xmx));
            serveCommand.addAll(jvmOptions);
            serveCommand.addAll(List.of("-Dtonghop.ingest.threads=" + threads,
                    "-Dtonghop.watch.poll-seconds=1", "-Dtonghop.watch.settle-seconds=1", "-Dserver.port=0", "-jar", jar.toString(), "serve",
                    "--inbox", "inbox", "--out", run.resolve("out").toString()));
            Measured served = ServeNightly.measure(serveCommand, serveWork, serveEnv, nightlyFiles, logs.resolve("serve.log"),
                    logs.resolve("serve.out"), postmaster);
            require(served, "nightly run under serve");
            Comparison afterServe = compare(work.resolve("expected-aggregates-nightly.csv"), run.resolve("out/aggregates.csv"));

            System.out.println();
            System.out.printf(Locale.ROOT, "floor: %,d values parsed and COPYed (%,d rows in floor_value); tonghop: %,d values loaded and active%n",
                    floorValues, copied, loaded);
            System.out.println("tonghop steps (s): " + tonghopSteps);
            System.out.println("nightly steps (s): " + nightlySteps);
            afterYear.print("after tonghop", System.out);
            afterNightly.print("after nightly", System.out);
            afterServe.print("after nightly under serve", System.out);
            System.out.println();
            System.out.printf(Locale.ROOT, "tonghop bench: %d communes, %d districts, year %d, seed %d, -Xmx%s, %d threads, %d cores%n",
                    registry.communeCount(), registry.districts.size(), year, seed, xmx, threads, Runtime.getRuntime().availableProcessors());
            System.out.println("stage     files      values    wall s     values/s  peak RSS MB   JVM CPU s    DB CPU s");
            line("floor", summary.files(), summary.values(), floor);
            line("floor-jvm", summary.files(), summary.values(), plainFloor);
            line("tonghop", summary.files(), summary.values(), tonghop);
            line("nightly", summary.nightlyFiles(), summary.nightlyValues(), nightly);
            line("serve", summary.nightlyFiles(), summary.nightlyValues(), served);
            System.out.printf(Locale.ROOT, "tonghop / floor   = %.2f   (CPU, JVM + database: %.2f)%n", tonghop.seconds() / floor.seconds(),
                    tonghop.totalCpu() / floor.totalCpu());
            System.out.printf(Locale.ROOT, "tonghop / floor-jvm = %.2f (CPU: %.2f; the floor on a JVM without the batch options, as rounds 1-6 measured it)%n",
                    tonghop.seconds() / plainFloor.seconds(), tonghop.totalCpu() / plainFloor.totalCpu());
            System.out.printf(Locale.ROOT, "nightly / tonghop = %.3f  (CPU, JVM + database: %.3f)%n", nightly.seconds() / tonghop.seconds(),
                    nightly.totalCpu() / tonghop.totalCpu());
            System.out.printf(Locale.ROOT, "serve / tonghop   = %.3f  (CPU, JVM + database: %.3f; the nightly run in a running serve, no JVM start)%n",
                    served.seconds() / tonghop.seconds(), served.totalCpu() / tonghop.totalCpu());
            boolean equal = afterYear.equal() && afterNightly.equal() && afterServe.equal();
            System.out.printf("aggregates equal to the generated sums: %s%n", equal ? "yes" : "NO");
            return equal ? 0 : 1;
        }
    }

    /** The options tonghop's batch JVM runs with (vn.tonghop.BatchJvm), given to the floor's JVM too. */
    static final List<String> BATCH_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * The floor's table, counted, is dropped before the next stage: left there, its 4.5 million new rows had autovacuum
     * vacuum and analyse it while tonghop ran, on tonghop's time and counted as tonghop's database CPU.
     */
    private static void dropFloorTable(String server) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(server + "floor?user=postgres"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS floor_value");
        }
    }

    private Measured floor(String java, String classpath, List<String> options, Path files, String server, Path output, long postmaster)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath, Floor.class.getName(), files.toString(), root.resolve("jobs/antq-01.yaml").toString(),
                server + "floor?user=postgres", Integer.toString(threads)));
        Measured floor = Measured.run(command, work, Map.of(), output, postmaster);
        require(floor, "floor");
        return floor;
    }

    private List<String> tonghopRun(String java, Path jar, String stage) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx));
        command.addAll(jvmOptions);
        if (profile) {
            // profiled in the JVM that runs the command: the batch JVM's options given here, no second JVM started
            command.addAll(BATCH_JVM_OPTIONS);
            command.add("-Dtonghop.batch-jvm=false");
            command.add("-XX:StartFlightRecording=filename=" + work.resolve(stage + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-Dtonghop.ingest.threads=" + threads, "-jar", jar.toString(), "run", "--inbox", "inbox", "--out", "out"));
        return command;
    }

    private static void line(String stage, long files, long values, Measured m) {
        System.out.printf(Locale.ROOT, "%-8s %6d %11d %9.1f %12.0f %12d %11.1f %11.1f%n", stage, files, values, m.seconds(),
                values / Math.max(0.001, m.seconds()), m.peakRssMb(), m.cpuSeconds(), m.databaseCpuSeconds());
    }

    /** The embedded server's postmaster, from the first line of its postmaster.pid. */
    private static long postmaster(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    static void require(Measured m, String what) throws IOException {
        if (m.exitCode() != 0) {
            List<String> lines = Files.readAllLines(m.output());
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
            throw new IllegalStateException(what + " exited with " + m.exitCode() + "; output in " + m.output());
        }
    }

    /** What tonghop wrote against what the generator computed, line by line. */
    record Comparison(int expectedLines, int actualLines, List<String> differences) {

        boolean equal() {
            return differences.isEmpty() && expectedLines == actualLines;
        }

        void print(String when, java.io.PrintStream out) {
            if (equal()) {
                out.printf(Locale.ROOT, "aggregates.csv %s: %,d rows, equal to the generated sums%n", when, expectedLines - 1);
            } else {
                out.printf(Locale.ROOT, "aggregates.csv %s: %,d rows, expected %,d; first differences (expected | written):%n", when,
                        actualLines - 1, expectedLines - 1);
                differences.forEach(d -> out.println("  " + d));
            }
        }
    }

    private static Comparison compare(Path expectedFile, Path actualFile) throws IOException {
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        List<String> actual = Files.exists(actualFile) ? Files.readAllLines(actualFile, StandardCharsets.UTF_8) : List.of();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && differences.size() < 10; i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                differences.add(e + " | " + a);
            }
        }
        return new Comparison(expected.size(), actual.size(), differences);
    }

    /** The same embedded PostgreSQL 15 tonghop starts by itself, here shared by every stage through its URL. */
    static EmbeddedPostgres startPostgres(Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("lc-collate", "C") // as tonghop creates its embedded cluster (db/EmbeddedCluster)
                .setServerConfig("max_connections", "50")
                .start();
    }

    static void createDatabase(String server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server + "postgres?user=postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private static java.sql.Timestamp now(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT clock_timestamp()::timestamp")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** The wall time of each step of the jobs a stage ran, from Spring Batch's own records (partition workers left out). */
    private static String steps(String url, java.sql.Timestamp since) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url);
             java.sql.PreparedStatement s = c.prepareStatement("""
                     SELECT s.step_name, extract(epoch FROM sum(s.end_time - s.start_time)) FROM batch_step_execution s
                     JOIN batch_job_execution j ON j.job_execution_id = s.job_execution_id
                     WHERE j.create_time >= ? AND s.step_name NOT LIKE '%:%'
                     GROUP BY s.step_name ORDER BY min(s.start_time)""")) {
            s.setTimestamp(1, since);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    text.append(text.isEmpty() ? "" : ", ").append(rs.getString(1)).append(' ')
                            .append(String.format(Locale.ROOT, "%.1f", rs.getDouble(2)));
                }
            }
        }
        return text.toString();
    }

    static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A copy of the jar for this benchmark alone: a rebuild of target/ meanwhile cannot pull classes from under it. */
    static Path privateJar(Path root, Path work) throws IOException {
        Path jar = work.resolve("tonghop.jar");
        Files.copy(root.resolve("target/tonghop.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    /**
     * Empties {@code dir} for a new run, the previous run's files set aside (renamed) rather than deleted: ext4 looks
     * past recently deleted inodes when it allocates one (find_inode_bit, recently_deleted: for a minute, five when their
     * table is not yet written back), and deleting the previous year's ~70,000 files here made creating the run's ~18,000
     * result files cost a fifth of the report step's CPU (async-profiler), a cost of the benchmark, not of an installation.
     * {@link #discardSetAside} deletes them once everything is measured.
     */
    static void setAside(Path dir) throws IOException {
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        clean(old);
        Files.delete(old);
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        Files.createDirectories(dir);
    }

    /** Deletes what {@link #setAside} kept of the previous run. */
    static void discardSetAside(Path dir) throws IOException {
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        if (Files.exists(old)) {
            clean(old);
            Files.delete(old);
        }
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Copies files keeping their modification times (tonghop takes files in arrival order). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
