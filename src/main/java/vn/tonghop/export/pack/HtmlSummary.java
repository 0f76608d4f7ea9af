package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import vn.tonghop.export.pack.CommuneTimeliness.Status;
import vn.tonghop.export.pack.PackColumns.Column;

/**
 * The one-page summary for the conference screen ({@code tonghop-<province>-<year>.html}): the key indicators with
 * their change, who reported and in time, and the charts of the workbook drawn as inline SVG. One self-contained
 * file (no scripts, fonts or images fetched), fit for a projector at 16:9 and for printing on one A4 landscape page.
 */
final class HtmlSummary {

    private static final String THIS_YEAR_COLOUR = "#2f5597";
    private static final String LAST_YEAR_COLOUR = "#b4c0d3";

    private final PackColumns columns;
    private final PackText text;
    private final int chartUnits;

    HtmlSummary(PackColumns columns, PackText text, int chartUnits) {
        this.columns = columns;
        this.text = text;
        this.chartUnits = chartUnits;
    }

    String render(ConferencePack pack) {
        StringBuilder html = new StringBuilder(32_000);
        int year = pack.year();
        String unitWord = text.get(pack.byDistrict() ? "unit.district" : "unit.commune");
        html.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(text.get("summary.title", year) + " — " + pack.provinceTitle())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(text.get("summary.title", year))).append("</h1>\n<p>")
                .append(esc(text.get("html.subtitle", pack.provinceTitle(), pack.formCode(), date(pack)))).append("</p>\n</header>\n");

        html.append("<section class=\"tiles\" style=\"grid-template-columns: repeat(").append(columns.key().size() + 1).append(", 1fr)\">\n");
        for (Column column : columns.key()) {
            tile(html, pack, column);
        }
        progressTile(html, pack);
        html.append("</section>\n<section class=\"charts\">\n");
        for (Column column : columns.charted()) {
            ChartData data = ChartData.of(pack, column, chartUnits);
            html.append("<figure>\n<figcaption>").append(esc(text.get("html.chartTitle", column.label(), unitWord)));
            if (data.truncated()) {
                html.append(" <small>").append(esc(text.get("charts.truncated", data.labels().size(), unitWord))).append("</small>");
            }
            html.append("</figcaption>\n").append(barChart(data, year)).append("</figure>\n");
        }
        html.append("</section>\n<footer>\n");
        List<String> missing = pack.timeliness().stream().filter(t -> t.status() == Status.MISSING && t.expected())
                .map(CommuneTimeliness::name).toList();
        html.append("<p>").append(esc(missing.isEmpty() ? text.get("html.noneMissing")
                : text.get("html.missing", missing.size(), String.join(", ", missing)))).append("</p>\n");
        if (pack.todayUnits()) {
            html.append("<p>").append(esc(text.get("summary.note.today", year - 1, year - 2))).append("</p>\n");
        }
        html.append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String date(ConferencePack pack) {
        return String.format("%02d/%02d/%d", pack.generatedOn().getDayOfMonth(), pack.generatedOn().getMonthValue(),
                pack.generatedOn().getYear());
    }

    private void tile(StringBuilder html, ConferencePack pack, Column column) {
        BigDecimal now = pack.province().value(column.code());
        // Against last year, or the year before when last year has no figure (2025, when its reports are missing).
        int lastYear = pack.year() - 1;
        BigDecimal last = null;
        BigDecimal lastForChange = null;
        for (YearFigures earlier : pack.earlier()) {
            BigDecimal value = earlier.province() == null ? null : earlier.province().value(column.code());
            if (value != null) {
                lastYear = earlier.year();
                last = value;
                lastForChange = earlier.province().forChange(column.code());
                break;
            }
        }
        Change change = Change.between(pack.province().forChange(column.code()), lastForChange, column.rate());
        String trend = "";
        String trendClass = "flat";
        if (change.difference() != null) {
            int sign = change.difference().signum();
            trendClass = sign > 0 ? "up" : sign < 0 ? "down" : "flat";
            String arrow = sign > 0 ? "▲ " : sign < 0 ? "▼ " : "";
            trend = arrow + (column.rate() ? signed(change.difference(), 1) + " " + text.get("html.points")
                    : change.relative() == null ? signed(change.difference(), 0) : signed(change.relative().movePointRight(2), 1) + "%");
        }
        html.append("<div class=\"tile\"><div class=\"value\">").append(esc(figure(now, column.rate())))
                .append("</div><div class=\"label\">").append(esc(column.label())).append("</div><div class=\"trend ").append(trendClass)
                .append("\">").append(esc(trend)).append(" <span>")
                .append(esc(text.get("html.lastYear", lastYear, figure(last, column.rate())))).append("</span></div></div>\n");
    }

    private void progressTile(StringBuilder html, ConferencePack pack) {
        ProgressSheet.Tally tally = ProgressSheet.Tally.of("", pack.timeliness());
        int expected = Math.max(tally.expected(), 1);
        int missing = tally.missing().size();
        html.append("<div class=\"tile\"><div class=\"value\">").append(tally.expected() - missing).append('/').append(tally.expected())
                .append("</div><div class=\"label\">").append(esc(text.get("html.reported")))
                .append("</div><svg class=\"bar\" viewBox=\"0 0 300 14\" role=\"img\" aria-label=\"")
                .append(esc(text.get("html.progress", tally.onTime(), tally.late(), missing))).append("\">");
        double x = 0;
        int[] parts = {tally.onTime(), tally.late(), missing};
        String[] colours = {"#3a7d44", "#e0a030", "#c0392b"};
        for (int i = 0; i < parts.length; i++) {
            double width = 300.0 * parts[i] / expected;
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>", x, width, colours[i]));
            x += width;
        }
        html.append("</svg><div class=\"trend flat\">").append(esc(text.get("html.progress", tally.onTime(), tally.late(), missing)))
                .append("</div></div>\n");
    }

    /** A clustered bar chart: this year and last year for each unit, y axis from 0 with round gridlines. */
    static String barChart(ChartData data, int year) {
        int width = 640;
        int height = 300;
        int left = 56;
        int right = 12;
        int top = 14;
        int bottom = 92;
        double max = 0;
        for (List<BigDecimal> series : List.of(data.thisYear(), data.lastYear())) {
            for (BigDecimal v : series) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        double step = niceStep(max <= 0 ? 1 : max, data.column().rate());
        double top100 = Math.max(step, Math.ceil(max / step) * step);
        double plotHeight = height - top - bottom;
        double plotWidth = width - left - right;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">", width, height));
        for (double g = 0; g <= top100 + step / 1000; g += step) {
            double y = top + plotHeight - g / top100 * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", left, y, width - right, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>", left - 6, y + 4,
                    esc(data.column().rate() ? Math.round(g * 100) + "%" : figure(BigDecimal.valueOf(g), false))));
        }
        int n = Math.max(data.labels().size(), 1);
        double slot = plotWidth / n;
        double bar = Math.min(28, slot * 0.36);
        for (int i = 0; i < data.labels().size(); i++) {
            double centre = left + slot * i + slot / 2;
            bar(svg, centre - bar, bar, data.thisYear().get(i), top100, top, plotHeight, THIS_YEAR_COLOUR, data.column().rate());
            bar(svg, centre, bar, data.lastYear().get(i), top100, top, plotHeight, LAST_YEAR_COLOUR, data.column().rate());
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"unit\" transform=\"rotate(-40 %.1f %d)\" text-anchor=\"end\">%s</text>",
                    centre, height - bottom + 14, centre, height - bottom + 14, esc(data.labels().get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"base\"/>", left, top + plotHeight,
                width - right, top + plotHeight));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"legend\">%d</text>",
                width - 150, height - 16, THIS_YEAR_COLOUR, width - 134, height - 6, year));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"legend\">%d</text>",
                width - 80, height - 16, LAST_YEAR_COLOUR, width - 64, height - 6, year - 1));
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, double x, double width, BigDecimal value, double max, int top, double plotHeight,
                            String colour, boolean rate) {
        if (value == null) {
            return;
        }
        double h = value.doubleValue() / max * plotHeight;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                x, top + plotHeight - h, width, h, colour, esc(figure(value, rate))));
    }

    /** 1, 2 or 5 times a power of ten, giving four to six gridlines; a rate never steps below 5 points. */
    static double niceStep(double max, boolean rate) {
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;
        if (rate) {
            step = Math.max(step, 0.05);
        }
        return step < 1 && !rate ? 1 : step;
    }

    /** Vietnamese notation: {@code 158.000}, {@code 95,7%}; an empty figure is a dash. */
    static String figure(BigDecimal value, boolean rate) {
        if (value == null) {
            return "–";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        if (rate) {
            return new DecimalFormat("0.0", symbols).format(value.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
        }
        return new DecimalFormat("#,##0", symbols).format(value.setScale(0, RoundingMode.HALF_UP));
    }

    private static String signed(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        String body = new DecimalFormat(pattern, symbols).format(value.abs().setScale(decimals, RoundingMode.HALF_UP));
        return (value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "") + body;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            @page { size: A4 landscape; margin: 10mm; }
            * { box-sizing: border-box; }
            body { margin: 0; padding: 18px 28px; font-family: "Times New Roman", "DejaVu Serif", serif; color: #1d2733; background: #fff; }
            header h1 { margin: 0; font-size: 26px; text-align: center; color: #1f3864; letter-spacing: .3px; }
            header p { margin: 4px 0 14px; text-align: center; font-style: italic; font-size: 16px; }
            .tiles { display: grid; gap: 12px; }
            .tile { border: 1px solid #c9d3e0; border-radius: 6px; padding: 10px 12px; background: #f7f9fc; }
            .tile .value { font-size: 30px; font-weight: bold; color: #1f3864; }
            .tile .label { font-size: 14px; min-height: 36px; }
            .tile .trend { font-size: 15px; margin-top: 4px; }
            .tile .trend span { color: #55606e; font-size: 13px; }
            .tile .bar { width: 100%; height: 14px; margin-top: 4px; }
            .up { color: #2e7d32; } .down { color: #b03a2e; } .flat { color: #55606e; }
            .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 14px; }
            figure { margin: 0; border: 1px solid #c9d3e0; border-radius: 6px; padding: 8px; }
            figcaption { font-weight: bold; font-size: 16px; margin-bottom: 4px; }
            figcaption small { font-weight: normal; font-style: italic; }
            svg text { font-family: "Times New Roman", "DejaVu Serif", serif; }
            svg .axis { font-size: 11px; fill: #55606e; } svg .unit { font-size: 11px; fill: #1d2733; } svg .legend { font-size: 12px; }
            svg .grid { stroke: #e3e8ef; stroke-width: 1; } svg .base { stroke: #55606e; stroke-width: 1; }
            footer { margin-top: 10px; font-size: 14px; color: #33404f; }
            footer p { margin: 2px 0; }
            """;
}
