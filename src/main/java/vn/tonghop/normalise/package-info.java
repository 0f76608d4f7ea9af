/**
 * Normalisation of what clerks type: the comparison key of headers and names ({@link vn.tonghop.normalise.TextKey}),
 * commune, district and province names without their administrative prefixes ({@link vn.tonghop.normalise.UnitNameKey}),
 * numbers written the Vietnamese way ({@link vn.tonghop.normalise.NumberParser}), yes/no indicators
 * ({@link vn.tonghop.normalise.YesNoParser}) and reporting periods cut off on the 14th under Decree 09/2019/NĐ-CP
 * ({@link vn.tonghop.normalise.Period}, {@link vn.tonghop.normalise.PeriodParser}). Plain Java, no Spring and no state:
 * every class here is a pure function of its input, safe to share between threads and steps.
 */
package vn.tonghop.normalise;
