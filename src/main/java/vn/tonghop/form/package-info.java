/**
 * The declarative report forms of {@code jobs/*.yaml} (form ANTQ-01: its indicators, header aliases,
 * kinds and rules), loaded once into an immutable {@link vn.tonghop.form.ReportForm} that every step
 * receives. Adding an indicator, an alias or a rule is a change to the YAML, not to Java.
 */
package vn.tonghop.form;
