package vn.tonghop.validate;

import java.time.LocalDate;
import vn.tonghop.normalise.Period;
import vn.tonghop.registry.Unit;
import vn.tonghop.registry.UnitRegistry;

/**
 * What every row of one file is checked against.
 *
 * @param office      the sending office (inbox folder), or null when root files are allowed
 * @param officeFolder the folder name as found, for messages
 * @param filePeriod  the period stated by the title or the file name, or null
 * @param today       the day of the run, for "period in the future"
 */
public record FileContext(Unit office, String officeFolder, Period filePeriod, UnitRegistry registry, LocalDate today) {
}
