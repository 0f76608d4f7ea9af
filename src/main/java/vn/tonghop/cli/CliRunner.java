package vn.tonghop.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import vn.tonghop.validate.Messages;

/** Runs the picocli command line once the application has started (disabled in tests). */
@Component
@ConditionalOnProperty(name = "tonghop.cli.enabled", havingValue = "true", matchIfMissing = true)
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    public CliRunner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        exitCode = newCommandLine(context).execute(commandArguments(args));
    }

    /** The arguments meant for the command line ({@link CommandArguments}). */
    public static String[] commandArguments(String... args) {
        return CommandArguments.of(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * A command line tonghop cannot take (an unknown option, a missing value): the reason on one line, then where the
     * usage is, rather than the whole usage after it; exit code 2.
     */
    static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("tonghop: " + e.getMessage());
        command.getErr().println(Messages.vietnamese().get("cli.seeHelp", command.getCommandSpec().qualifiedName()));
        return ExitCodes.USAGE;
    }

    /** The command line, its commands created by Spring so they get their collaborators injected. */
    public static CommandLine newCommandLine(ApplicationContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return context.getBean(type);
                } catch (org.springframework.beans.BeansException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        CommandLine commandLine = new CommandLine(TonghopCommand.class, factory);
        commandLine.setParameterExceptionHandler(CliRunner::badUsage);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("tonghop: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(CliRunner.class).error("Command failed", e);
            return ExitCodes.FAILED;
        });
        return commandLine;
    }
}
