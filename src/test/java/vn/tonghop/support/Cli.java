package vn.tonghop.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import vn.tonghop.cli.CliRunner;

/** Runs tonghop's command line inside a test, as a user would type it, capturing what it prints. */
public final class Cli {

    /** What a command printed, and its exit code. */
    public record Result(int exitCode, String out, String err) {
    }

    private final ApplicationContext context;

    public Cli(ApplicationContext context) {
        this.context = context;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CliRunner.newCommandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
