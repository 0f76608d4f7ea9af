package vn.tonghop.cli;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import vn.tonghop.validate.Messages;

/**
 * The usage and the version, answered before anything starts: asking how to use tonghop ({@code --help}, a command
 * and {@code --help}, {@code --version}, or nothing at all) neither starts Spring nor creates an embedded database in
 * the folder it is asked in, and answers in half a second. The command line is the one {@link CliRunner} builds, its
 * commands given no collaborators (none of them is run: picocli only reads their options).
 */
public final class UsageOnly {

    private static final List<String> ASKING = List.of("-h", "--help", "-V", "--version");

    private UsageOnly() {
    }

    /**
     * Whether the arguments only ask for the usage or the version: none (settings {@code --name.with.dots=value} left
     * out), or words naming commands followed by one of {@code -h --help -V --version}.
     */
    public static boolean asked(String... args) {
        List<String> command = Arrays.asList(CommandArguments.of(args));
        if (command.isEmpty()) {
            return true;
        }
        return ASKING.contains(command.get(command.size() - 1))
                && command.subList(0, command.size() - 1).stream().noneMatch(word -> word.startsWith("-"));
    }

    /** Prints what was asked on standard output (an unknown command on standard error) and returns the exit code. */
    public static int print(String... args) {
        return commandLine().execute(CommandArguments.of(args));
    }

    /**
     * An {@code --inbox} of {@code ingest}, {@code run} or {@code serve} that is no existing folder, refused before
     * anything starts (no second JVM, no Spring, no embedded database created in the folder a mistyped command was
     * given in), with the reason {@link InboxFolder} gives once started.
     *
     * @return the exit code, 2, when refused; -1 when the command goes on (whatever else the arguments hold is left to
     *         the command line to judge)
     */
    public static int refusedInbox(String... args) {
        Path inbox;
        try {
            CommandLine.ParseResult parsed = commandLine().parseArgs(CommandArguments.of(args));
            CommandLine.ParseResult command = parsed.subcommand();
            if (command == null || !INBOX_COMMANDS.contains(command.commandSpec().name())) {
                return -1;
            }
            CommandLine.Model.OptionSpec option = command.commandSpec().findOption("--inbox");
            if (option == null || !(option.getValue() instanceof Path given)) {
                return -1;
            }
            inbox = given;
        } catch (RuntimeException e) {
            return -1;
        }
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        return InboxFolder.usable(inbox, new Messages(language(args)), err) ? -1 : ExitCodes.USAGE;
    }

    private static final List<String> INBOX_COMMANDS = List.of("ingest", "run", "serve");

    /** The language the command will speak: {@code --tonghop.language=}, else the property or environment setting, else vi. */
    private static String language(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--tonghop.language=")) {
                return arg.substring("--tonghop.language=".length());
            }
        }
        String set = System.getProperty("tonghop.language", System.getenv("TONGHOP_LANGUAGE"));
        return set == null || set.isBlank() ? "vi" : set;
    }

    /** The command line, for reading only. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(TonghopCommand.class, new NoCollaborators());
        commandLine.setParameterExceptionHandler(CliRunner::badUsage);
        return commandLine;
    }

    /**
     * Creates a command (or a converter of its options) with its constructor's every collaborator missing: enough to
     * read its options, never to run it or convert a value.
     */
    private static final class NoCollaborators implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            if (type.isInterface() || constructors.length == 0) {
                return CommandLine.defaultFactory().create(type);
            }
            Constructor<?> constructor = Arrays.stream(constructors).max(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElseThrow();
            constructor.setAccessible(true);
            Object[] missing = Arrays.stream(constructor.getParameterTypes()).map(UsageOnly::nothing).toArray();
            return type.cast(constructor.newInstance(missing));
        }
    }

    private static Object nothing(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
