package vn.tonghop.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clerk's marked-up workbook ({@code tonghop.result.*}).
 *
 * @param workbook          write {@code <name>.ketqua.xlsx} beside every processed file (the .ketqua.csv is always written)
 * @param streamAboveBytes  a workbook larger than this is not loaded whole: its values are streamed into the copy
 * @param streamAboveRows   nor one with more data rows than this
 * @param maxComments       cell comments per workbook; cells past that are filled but not commented
 */
@ConfigurationProperties("tonghop.result")
public record ResultWorkbookSettings(Boolean workbook, Long streamAboveBytes, Integer streamAboveRows, Integer maxComments) {

    public ResultWorkbookSettings {
        workbook = workbook == null || workbook;
        streamAboveBytes = streamAboveBytes == null || streamAboveBytes < 0 ? 5L * 1024 * 1024 : streamAboveBytes;
        streamAboveRows = streamAboveRows == null || streamAboveRows < 0 ? 50_000 : streamAboveRows;
        maxComments = maxComments == null || maxComments < 0 ? 5_000 : maxComments;
    }

    public static ResultWorkbookSettings defaults() {
        return new ResultWorkbookSettings(null, null, null, null);
    }
}
