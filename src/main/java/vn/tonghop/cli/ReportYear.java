package vn.tonghop.cli;

import java.time.Year;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import vn.tonghop.validate.Messages;

/**
 * {@code --year Y}: a report year the files can state (2000 to 2099, as the period parser reads them) and not after
 * next year. A mistyped year ({@code 20233}, {@code 1850}) is bad usage, refused with a one-line reason, instead of an
 * empty year "aggregated".
 */
@Component
final class ReportYear implements CommandLine.ITypeConverter<Integer> {

    static final int FIRST = 2000;

    private final Messages messages;

    ReportYear(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer convert(String value) {
        int last = Math.min(2099, Year.now().getValue() + 1);
        int year;
        try {
            year = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(messages.get("cli.year.notANumber", value, FIRST, last));
        }
        if (year < FIRST || year > last) {
            throw new CommandLine.TypeConversionException(messages.get("cli.year.outOfRange", year, FIRST, last));
        }
        return year;
    }
}
