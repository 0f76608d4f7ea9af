package vn.tonghop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.validate.Messages;

/**
 * Prints a progress line every few seconds while long work runs (files and rows done, rate, time left),
 * nothing for work that ends sooner. Lines, not a redrawn bar: they read the same on a terminal, in a
 * redirected file and in the journal of {@code serve}.
 */
final class ProgressPrinter implements AutoCloseable {

    private final RunProgress progress;
    private final Messages messages;
    private final PrintWriter out;
    private final NumberText numbers;
    private final ScheduledExecutorService timer;

    private ProgressPrinter(RunProgress progress, Messages messages, PrintWriter out, NumberText numbers, Duration interval) {
        this.progress = progress;
        this.messages = messages;
        this.out = out;
        this.numbers = numbers;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(200, interval.toMillis());
        timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts printing; {@link #close()} stops. A zero interval prints nothing. */
    static AutoCloseable start(RunProgress progress, Messages messages, PrintWriter out, NumberText numbers, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return () -> {
            };
        }
        return new ProgressPrinter(progress, messages, out, numbers, interval);
    }

    private void print() {
        progress.snapshot().ifPresent(s -> {
            out.println(line(s));
            out.flush();
        });
    }

    String line(RunProgress.Snapshot s) {
        String left = s.timeLeft().map(this::duration).orElse(messages.get("progress.unknown"));
        String key = switch (s.phase()) {
            case SCAN -> "progress.scan";
            case READ -> "progress.read";
            case APPLY -> "progress.apply";
            case REPORT -> "progress.report";
            case AGGREGATE -> "progress.aggregate";
            case EXPORT -> "progress.export";
        };
        return messages.get(key, numbers.format(s.filesDone()), numbers.format(s.filesTotal()), s.percent(), numbers.format(s.rows()),
                numbers.format(s.rowsPerSecond()), left, s.label(), duration(s.elapsed()));
    }

    String duration(Duration d) {
        return durationText(messages, d);
    }

    static String durationText(Messages messages, Duration d) {
        long seconds = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (seconds >= 3600) {
            return messages.get("duration.hours", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return messages.get("duration.minutes", seconds / 60, seconds % 60);
        }
        if (d.toMillis() < 9950) {
            String tenths = String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
            return messages.get("duration.seconds", tenths.replace(".", messages.get("number.decimalSeparator")));
        }
        return messages.get("duration.seconds", seconds);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whole numbers as staff write them: {@code 12.345} in Vietnamese, {@code 12,345} in English. */
    record NumberText(char grouping) {

        static NumberText forLanguage(String language) {
            return new NumberText(language == null || language.isBlank() || language.startsWith("vi") ? '.' : ',');
        }

        String format(long n) {
            String digits = Long.toString(Math.abs(n));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    text.append(grouping);
                }
                text.append(digits.charAt(i));
            }
            return (n < 0 ? "-" : "") + text;
        }
    }
}
