package vn.tonghop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.ingest.InboxLayout;
import vn.tonghop.ops.GracefulShutdown;
import vn.tonghop.ops.InboxWatcher;
import vn.tonghop.ops.NightlySchedule;
import vn.tonghop.ops.ServeState;
import vn.tonghop.ops.ServeWarmUp;
import vn.tonghop.ops.UnfinishedRuns;
import vn.tonghop.validate.Messages;

/**
 * {@code tonghop serve [--inbox DIR] [--out DIR]}: the long-running process of an installation. Runs
 * {@code run} every night on the configured schedule and whenever a file dropped into the inbox has
 * settled (the folder watcher), one run at a time (the run lock, shared with manual runs from other
 * terminals and machines); on start, resumes a run an earlier process left unfinished. Health and info
 * endpoints on {@code server.address:server.port} (127.0.0.1 by default). Stops on SIGTERM after the
 * running chunk has committed.
 */
@Component
@Scope("prototype")
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Chạy thường trực: chạy hằng đêm theo lịch, nhận tệp ngay khi có tệp mới, kiểm tra tình trạng qua HTTP (nightly schedule + folder watcher + health endpoint).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped on request (SIGTERM)", ExitCodes.LIST_USAGE})
public class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Pipeline pipeline;
    private final NightlySchedule schedule;
    private final GracefulShutdown shutdown;
    private final ServeState state;
    private final UnfinishedRuns unfinished;
    private final Duration settle;
    private final Messages messages;
    private final ApplicationContext context;
    private final boolean watch;
    private final Duration poll;
    private final String address;
    private final ServeWarmUp warmUp;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    private final AtomicBoolean queued = new AtomicBoolean();
    private ExecutorService runner;
    private InboxWatcher watcher;

    public ServeCommand(Pipeline pipeline, NightlySchedule schedule, GracefulShutdown shutdown, ServeState state, UnfinishedRuns unfinished,
                        Messages messages, ApplicationContext context, @Value("${tonghop.watch.settle-seconds:5}") long settleSeconds,
                        @Value("${tonghop.watch.enabled:true}") boolean watch, @Value("${tonghop.watch.poll-seconds:10}") long pollSeconds,
                        @Value("${server.address:127.0.0.1}") String address, ServeWarmUp warmUp) {
        this.pipeline = pipeline;
        this.schedule = schedule;
        this.shutdown = shutdown;
        this.state = state;
        this.unfinished = unfinished;
        this.settle = Duration.ofSeconds(Math.max(1, settleSeconds));
        this.messages = messages;
        this.context = context;
        this.watch = watch;
        this.poll = Duration.ofSeconds(Math.max(1, pollSeconds));
        this.address = address;
        this.warmUp = warmUp;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (schedule.problem().isPresent()) {
            err.println("tonghop: " + messages.get("serve.badSchedule", schedule.cron(), schedule.zoneId(), schedule.problem().get()));
            return ExitCodes.USAGE;
        }
        if (!InboxFolder.usable(inbox, messages, err)) {
            return ExitCodes.USAGE;
        }
        runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "serve-run"));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("serve-");
        scheduler.initialize();
        try {
            String next = schedule.nextAfter(Instant.now()).map(t -> t.toLocalDateTime().format(WHEN)).orElse("-");
            String cron = schedule.enabled() ? schedule.cron() : NightlySchedule.DISABLED;
            state.serving(inbox, out, watch);
            if (watch) {
                watcher = new InboxWatcher(inbox, InboxLayout::isIgnored, settle, () -> request("watcher", stdout, err));
                scheduler.scheduleWithFixedDelay(watcher::poll, poll);
                stdout.println(messages.get("serve.started", inbox.toAbsolutePath().normalize(), poll.toSeconds(), cron, schedule.zoneId(), next,
                        out.toAbsolutePath().normalize()));
            } else {
                stdout.println(messages.get("serve.noWatcher", cron, schedule.zoneId(), next, out.toAbsolutePath().normalize()));
            }
            if (schedule.enabled()) {
                scheduler.schedule(() -> request("nightly", stdout, err), schedule.trigger());
            }
            if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
                stdout.println(messages.get("serve.health", "http://" + address + ":" + web.getWebServer().getPort() + "/actuator/health"));
            }
            stdout.flush();
            log.info("Serving: inbox {}, out {}, schedule {} ({}), watcher {}", inbox, out, cron, schedule.zoneId(), watch ? "on" : "off");
            warmUp.start();
            if (!unfinished.list().isEmpty() || !pipeline.pendingYears().isEmpty()) {
                request("resume", stdout, err);
            }
            // serve blocks inside the command line runner, so Boot never reaches "ready" by itself
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            shutdown.awaitShutdown();
            stdout.println(messages.get("serve.stopping"));
            stdout.flush();
            log.info("Serve stopping");
        } finally {
            scheduler.shutdown();
            runner.shutdown();
            runner.awaitTermination(1, TimeUnit.MINUTES);
        }
        return ExitCodes.OK;
    }

    /** Queues a run unless one is already queued (a run under way does not count: it may have missed the new file). */
    private void request(String trigger, PrintWriter stdout, PrintWriter err) {
        if (shutdown.shuttingDown() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.execute(() -> runOnce(trigger, stdout, err));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false);
        }
    }

    private void runOnce(String trigger, PrintWriter stdout, PrintWriter err) {
        queued.set(false);
        if (shutdown.shuttingDown()) {
            return;
        }
        Instant started = Instant.now();
        String why = messages.get("trigger." + trigger);
        stdout.println(messages.get("serve.run", LocalDateTime.now().format(WHEN), why));
        stdout.flush();
        log.info("Run started ({})", trigger);
        int code;
        try {
            code = pipeline.locked("serve " + trigger, err, () -> pipeline.runAll(inbox, out, stdout));
        } catch (Exception e) {
            code = ExitCodes.FAILED;
            err.println("tonghop: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            log.error("Run ({}) failed", trigger, e);
        }
        if (code == ExitCodes.LOCKED && watcher != null) {
            watcher.retryLater();
        }
        state.ran(trigger, started, code, messages.get("exit." + code));
        stdout.println(messages.get("serve.runEnded", LocalDateTime.now().format(WHEN), why, code));
        stdout.flush();
        err.flush();
        log.info("Run ({}) ended with exit code {}", trigger, code);
    }
}
