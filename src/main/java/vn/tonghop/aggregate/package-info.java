/**
 * The aggregate job: for one form and year, rebuilds the commune, district and province aggregates
 * (flows summed, stocks latest, flags counted, rates from summed parts; the annual report preferred
 * over sub-periods) and the completeness table, in set-based SQL inside one transaction, so readers
 * never see half a table; then the same year in today's units ({@code aggregate_today}) through the 2025
 * reform mapping, for comparisons across the reform.
 */
package vn.tonghop.aggregate;
