package vn.tonghop.export.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A native clustered column chart drawn from cells of its sheet: the formulas point at the table (so the chart follows
 * a corrected figure), the caches carry the values (so a reader that does not recalculate still draws it).
 *
 * @param title          the chart's title
 * @param titlePoints    the title's font size
 * @param categories     the category labels, and where they are ({@code 'Sheet'!$A$7:$A$20})
 * @param series         the series, each with its name's cell and its values' range
 * @param numberFormat   the value axis's number format ("#,##0", "0%")
 * @param fraction       values are shares: the axis runs from 0 to 1
 */
public record BarChart(String title, double titlePoints, Range<String> categories, List<Series> series, String numberFormat,
                       boolean fraction) {

    /** Values and the cells they are in. */
    public record Range<T>(String reference, List<T> values) {
    }

    /**
     * @param name   the series' name and its cell
     * @param values the values (null: an empty cell)
     * @param colour a DrawingML preset colour ("royalBlue", "ltGray")
     */
    public record Series(Range<String> name, Range<Double> values, String colour) {
    }

    private static final String C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /** The chart part. */
    byte[] part() {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"").append(C)
                .append("\" xmlns:a=\"").append(A).append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .append("<c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr lang=\"vi-VN\" sz=\"")
                .append(Math.round(titlePoints * 100)).append("\" b=\"1\"/><a:t>");
        XmlText.append(xml, title).append("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
                .append("<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/>")
                .append("<c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            xml.append("<c:ser><c:idx val=\"").append(s).append("\"/><c:order val=\"").append(s).append("\"/><c:tx>");
            strings(xml, one.name());
            xml.append("</c:tx><c:spPr><a:solidFill><a:prstClr val=\"").append(one.colour()).append("\"/></a:solidFill></c:spPr>")
                    .append("<c:invertIfNegative val=\"0\"/><c:cat>");
            strings(xml, categories);
            xml.append("</c:cat><c:val><c:numRef><c:f>");
            XmlText.append(xml, one.values().reference()).append("</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"")
                    .append(one.values().values().size()).append("\"/>");
            for (int i = 0; i < one.values().values().size(); i++) {
                Double value = one.values().values().get(i);
                if (value != null) {
                    xml.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(XmlText.number(value)).append("</c:v></c:pt>");
                }
            }
            xml.append("</c:numCache></c:numRef></c:val></c:ser>");
        }
        xml.append("<c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>")
                .append("<c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>")
                .append("<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:majorTickMark val=\"out\"/>")
                .append("<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"2\"/><c:crosses val=\"autoZero\"/>")
                .append("<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
                .append("<c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation val=\"minMax\"/>");
        if (fraction) {
            xml.append("<c:max val=\"1\"/><c:min val=\"0\"/>");
        }
        xml.append("</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/><c:numFmt formatCode=\"");
        XmlText.append(xml, numberFormat).append("\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>")
                .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/>")
                .append("</c:valAx></c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>")
                .append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void strings(StringBuilder xml, Range<String> range) {
        xml.append("<c:strRef><c:f>");
        XmlText.append(xml, range.reference()).append("</c:f><c:strCache><c:ptCount val=\"").append(range.values().size()).append("\"/>");
        for (int i = 0; i < range.values().size(); i++) {
            xml.append("<c:pt idx=\"").append(i).append("\"><c:v>");
            XmlText.append(xml, range.values().get(i) == null ? "" : range.values().get(i)).append("</c:v></c:pt>");
        }
        xml.append("</c:strCache></c:strRef>");
    }

    /** The drawing part anchoring the sheet's charts; the i-th chart's relationship is {@code rId<i+1>}. */
    static byte[] drawingPart(List<BufferedSheet.PlacedChart> charts) {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<xdr:wsDr xmlns:xdr=\"")
                .append("http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"").append(A).append("\">");
        for (int i = 0; i < charts.size(); i++) {
            BufferedSheet.PlacedChart placed = charts.get(i);
            xml.append("<xdr:twoCellAnchor><xdr:from><xdr:col>").append(placed.fromColumn()).append("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
                    .append(placed.fromRow()).append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>").append(placed.toColumn())
                    .append("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>").append(placed.toRow())
                    .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"")
                    .append(i + 2).append("\" name=\"Chart ").append(i + 1).append("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>")
                    .append("<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"").append(C)
                    .append("\"><c:chart xmlns:c=\"").append(C)
                    .append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId").append(i + 1)
                    .append("\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>");
        }
        xml.append("</xdr:wsDr>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
