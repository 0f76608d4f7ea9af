package vn.tonghop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.IndicatorKind;
import vn.tonghop.form.ReportForm;

/**
 * The figures of one benchmark year, deterministic from a seed: for every commune twelve monthly rows and
 * an annual row (flows summed over the months, stocks and flags of December), a few percent of rows with
 * an error that rejects them, a few with a warning that does not. Knows which rows tonghop must accept,
 * so the expected aggregates can be computed without tonghop.
 */
final class YearModel {

    static final int ANNUAL = 0;

    /** What is wrong with a row on purpose. */
    enum Fault { NONE, NEGATIVE, NOT_A_NUMBER, NOT_WHOLE, SAFE_ABOVE_TOTAL }

    /**
     * One commune's row of one report.
     *
     * @param period  1..12 for a month, {@link #ANNUAL} for the year
     * @param values  per indicator (form order): the figure, or null for an empty cell; flags 1/0
     * @param faulty  index of the indicator whose cell carries the fault, or -1
     */
    record Row(Registry.Commune commune, int period, Long[] values, Fault fault, int faulty) {

        boolean accepted() {
            return fault == Fault.NONE;
        }

        int filledCells() {
            int n = 0;
            for (Long v : values) {
                if (v != null) {
                    n++;
                }
            }
            return n;
        }
    }

    final ReportForm form;
    final int year;
    private final long seed;
    private final int sessions;
    private final int attendees;
    private final int villagesSafe;
    private final int villagesTotal;

    YearModel(ReportForm form, int year, long seed) {
        this.form = form;
        this.year = year;
        this.seed = seed;
        this.sessions = index("propaganda_sessions");
        this.attendees = index("propaganda_attendees");
        this.villagesSafe = index("villages_safe");
        this.villagesTotal = index("villages_total");
    }

    int index(String code) {
        List<Indicator> indicators = form.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The thirteen rows of a commune: months 1..12 at indexes 1..12, the year at index 0. */
    Row[] rows(Registry.Commune commune) {
        int n = form.indicators().size();
        long key = Long.parseLong(commune.code());
        SplittableRandom base = new SplittableRandom(seed * 1_000_003L + key);
        Long[][] months = new Long[13][];
        long[] stockBase = new long[n];
        for (int i = 0; i < n; i++) {
            stockBase[i] = stockBase(form.indicators().get(i).code(), base);
        }
        boolean safe = base.nextInt(100) < 85;
        for (int m = 1; m <= 12; m++) {
            SplittableRandom r = new SplittableRandom(seed * 7_919L + key * 13 + m);
            Long[] v = new Long[n];
            for (int i = 0; i < n; i++) {
                Indicator indicator = form.indicators().get(i);
                v[i] = switch (indicator.kind()) {
                    case FLOW -> flow(indicator.code(), r);
                    case STOCK -> stock(indicator.code(), stockBase[i], m, r);
                    case FLAG -> (safe || m < 7) && r.nextInt(100) < 97 ? 1L : 0L;
                };
            }
            keepShares(v);
            keepRules(v);
            if (sessions >= 0 && attendees >= 0 && v[sessions] != null && v[sessions] >= 2 && r.nextInt(100) < 2) {
                v[attendees] = v[sessions] - 1; // a warning, not an error: attendees below sessions
            } else if (sessions >= 0 && attendees >= 0 && v[sessions] != null) {
                v[attendees] = v[sessions] * (15 + r.nextInt(100));
            }
            months[m] = v;
        }
        Long[] annual = new Long[n];
        for (int i = 0; i < n; i++) {
            if (form.indicators().get(i).kind() == IndicatorKind.FLOW) {
                Long sum = null;
                for (int m = 1; m <= 12; m++) {
                    if (months[m][i] != null) {
                        sum = (sum == null ? 0 : sum) + months[m][i];
                    }
                }
                annual[i] = sum;
            } else {
                annual[i] = months[12][i];
            }
        }
        months[0] = annual;
        Row[] rows = new Row[13];
        for (int p = 0; p <= 12; p++) {
            SplittableRandom r = new SplittableRandom(seed * 104_729L + key * 17 + p);
            Fault fault = Fault.NONE;
            int faulty = -1;
            if (r.nextInt(1000) < 15) {
                fault = Fault.values()[1 + r.nextInt(Fault.values().length - 1)];
                if (fault == Fault.SAFE_ABOVE_TOTAL && (villagesSafe < 0 || villagesTotal < 0)) {
                    fault = Fault.NEGATIVE;
                }
                faulty = fault == Fault.SAFE_ABOVE_TOTAL ? villagesSafe : flowIndex(r);
                if (fault == Fault.SAFE_ABOVE_TOTAL) {
                    months[p] = months[p].clone();
                    months[p][villagesSafe] = months[p][villagesTotal] + 1 + r.nextInt(3);
                }
            }
            rows[p] = new Row(commune, p, months[p], fault, faulty);
        }
        return rows;
    }

    private int flowIndex(SplittableRandom r) {
        List<Integer> flows = new ArrayList<>();
        for (int i = 0; i < form.indicators().size(); i++) {
            if (form.indicators().get(i).kind() == IndicatorKind.FLOW) {
                flows.add(i);
            }
        }
        return flows.get(r.nextInt(flows.size()));
    }

    /** The "≤" rules of the form hold in generated data (faults are added separately). */
    private void keepRules(Long[] v) {
        for (int i = 0; i < v.length; i++) {
            String atMost = form.indicators().get(i).rules().atMost();
            int limit = atMost == null ? -1 : index(atMost);
            if (limit >= 0 && v[i] != null && v[limit] != null && v[i] > v[limit]) {
                v[i] = v[limit];
            }
        }
    }

    private static long stockBase(String code, SplittableRandom r) {
        return switch (code) {
            case "households_total" -> 500 + r.nextInt(5500);
            case "households_signed" -> 60 + r.nextInt(38);      // percent of households
            case "cultural_households" -> 70 + r.nextInt(27);    // percent of households
            case "villages_total" -> 4 + r.nextInt(27);
            case "villages_safe" -> 50 + r.nextInt(51);          // percent of villages
            case "agencies_schools_safe" -> 2 + r.nextInt(39);
            case "model_criteria_total" -> 34;
            case "model_criteria_met" -> 20 + r.nextInt(15);
            case "self_mgmt_models" -> 2 + r.nextInt(59);
            default -> 1 + r.nextInt(50);
        };
    }

    private static Long stock(String code, long base, int month, SplittableRandom r) {
        return switch (code) {
            case "households_total" -> base + month * 2L + r.nextInt(3);
            // shares of households and villages stay percentages here; keepShares makes them counts
            case "households_signed", "cultural_households", "villages_safe", "model_criteria_total" -> base;
            default -> base + (r.nextInt(10) == 0 ? 1 : 0);
        };
    }

    private static Long flow(String code, SplittableRandom r) {
        long v = switch (code) {
            case "propaganda_sessions" -> 1 + r.nextInt(12);
            case "propaganda_attendees" -> 0; // from sessions
            case "loudspeaker_broadcasts" -> r.nextInt(21);
            case "radio_news_items" -> r.nextInt(31);
            case "new_models" -> r.nextInt(3);
            case "listening_forums" -> r.nextInt(4);
            case "dialogue_participants" -> r.nextInt(4) * (20L + r.nextInt(61));
            case "residence_checks" -> r.nextInt(26);
            case "subjects_educated" -> r.nextInt(9);
            case "subjects_warned" -> r.nextInt(7);
            case "reintegrated_persons" -> r.nextInt(3);
            case "guns_surrendered" -> r.nextInt(4);
            case "ammunition_surrendered" -> r.nextInt(41);
            case "tips_received" -> r.nextInt(16);
            case "cases_handled" -> r.nextInt(13);
            case "offenders_handled" -> r.nextInt(15);
            case "serious_incidents", "officers_disciplined" -> r.nextInt(10) == 0 ? 1 : 0;
            case "traffic_accidents" -> r.nextInt(4);
            case "thefts" -> r.nextInt(6);
            case "id_cards_issued" -> r.nextInt(401);
            case "awards_collective" -> r.nextInt(3);
            case "awards_individual" -> r.nextInt(6);
            case "houses_for_poor" -> r.nextInt(3);
            case "donations_vnd" -> r.nextInt(51) * 500_000L;
            default -> r.nextInt(11);
        };
        // Some offices leave rarely used columns empty: "not reported", not zero.
        boolean optional = code.equals("ammunition_surrendered") || code.equals("serious_incidents")
                || code.equals("officers_disciplined") || code.equals("reintegrated_persons");
        return optional && r.nextInt(10) == 0 ? null : v;
    }

    /** Turns the percentage stocks into counts of their totals. */
    private void keepShares(Long[] v) {
        share(v, "households_signed", "households_total");
        share(v, "cultural_households", "households_total");
        share(v, "villages_safe", "villages_total");
    }

    private void share(Long[] v, String part, String total) {
        int p = index(part);
        int t = index(total);
        if (p >= 0 && t >= 0 && v[p] != null && v[t] != null) {
            v[p] = v[t] * v[p] / 100;
        }
    }
}
