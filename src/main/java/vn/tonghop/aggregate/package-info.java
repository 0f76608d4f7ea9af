/**
 * The aggregate job: for one form and year, rebuilds the commune, district and province aggregates
 * (flows summed, stocks latest, flags counted, rates from summed parts; the annual report preferred
 * over sub-periods) and the completeness table, in set-based SQL inside one transaction, so readers
 * never see half a table.
 */
package vn.tonghop.aggregate;
