package vn.tonghop.cli;

import java.util.Arrays;

/**
 * The arguments meant for the command line: settings given as {@code --name.with.dots=value} are Spring Boot's (it
 * applies them itself) and are left out. Free of Spring, so that the usage can be answered before it starts.
 */
final class CommandArguments {

    private CommandArguments() {
    }

    static String[] of(String... args) {
        return Arrays.stream(args).filter(arg -> !isSetting(arg)).toArray(String[]::new);
    }

    private static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }
}
