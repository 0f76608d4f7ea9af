package vn.tonghop.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An old-format .xls workbook, read whole with POI's HSSF usermodel (the format caps a sheet at 65,536 rows,
 * so it is small by nature). Cells are rendered by the rules of {@link CellText}; merged header cells are
 * spread by {@link MergedHeaderFill}.
 */
final class XlsTableFile implements TableFile {

    private final String fileName;
    private final HSSFWorkbook workbook;
    private final POIFSFileSystem fileSystem;
    private final List<SheetRef> sheets;

    private XlsTableFile(String fileName, HSSFWorkbook workbook, POIFSFileSystem fileSystem) {
        this.fileName = fileName;
        this.workbook = workbook;
        this.fileSystem = fileSystem;
        List<SheetRef> refs = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            refs.add(new SheetRef(workbook.getSheetName(i), i,
                    workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
        }
        this.sheets = List.copyOf(refs);
    }

    /** Wraps a workbook, refusing it if every sheet is blank. */
    static XlsTableFile of(String fileName, HSSFWorkbook workbook, POIFSFileSystem fileSystem)
            throws UnreadableFileException {
        XlsTableFile file = new XlsTableFile(fileName, workbook, fileSystem);
        for (SheetRef sheet : file.sheets) {
            try (CloseableIterator<RawRow> rows = file.rows(sheet)) {
                if (rows.hasNext()) {
                    return file;
                }
            }
        }
        throw new UnreadableFileException(UnreadableReason.EMPTY_WORKBOOK,
                "Workbook " + fileName + " has no data: all " + file.sheets.size() + " sheet(s) are blank");
    }

    @Override
    public List<SheetRef> sheets() {
        return sheets;
    }

    @Override
    public CloseableIterator<RawRow> rows(SheetRef sheet) {
        if (sheet.index() < 0 || sheet.index() >= sheets.size() || !sheets.get(sheet.index()).equals(sheet)) {
            throw new IllegalArgumentException("No sheet " + sheet + " in " + fileName);
        }
        Sheet poiSheet = workbook.getSheetAt(sheet.index());
        return new XlsRows(sheet.name(), poiSheet);
    }

    @Override
    public String format() {
        return "xls";
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public char delimiter() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fileSystem.close();
        }
    }

    static String render(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> CellText.clean(cell.getRichStringCellValue().getString());
            case NUMERIC -> numeric(cell);
            case BOOLEAN -> CellText.yesNo(cell.getBooleanCellValue());
            // a formula in error keeps its code (#DIV/0!, #REF!), so the clerk is told instead of the value vanishing
            case ERROR -> errorCode(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static String errorCode(byte code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#ERROR!";
    }

    private static String numeric(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell)) {
            return value < 1 ? CellText.timeOfDay(value) : CellText.dateTime(cell.getLocalDateTimeCellValue());
        }
        return CellText.number(value);
    }

    /** Rows of one sheet, pulled one by one from the in-memory workbook. */
    private static final class XlsRows implements CloseableIterator<RawRow> {

        private final String sheetName;
        private final Iterator<Row> source;
        private final MergedHeaderFill fill;
        private final Deque<RawRow> ready = new ArrayDeque<>();
        private final MergedHeaderFill.RowSink sink = this::keep;
        private boolean finished;

        XlsRows(String sheetName, Sheet sheet) {
            this.sheetName = sheetName;
            this.source = sheet.rowIterator();
            this.fill = new MergedHeaderFill(sheet.getMergedRegions());
        }

        private void keep(int rowIndex, List<String> cells) {
            List<String> trimmed = CellText.trimTrailing(cells);
            if (!trimmed.isEmpty()) {
                ready.add(new RawRow(sheetName, rowIndex + 1, trimmed));
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !finished) {
                try {
                    if (source.hasNext()) {
                        Row row = source.next();
                        List<String> cells = new ArrayList<>();
                        for (Cell cell : row) {
                            while (cells.size() < cell.getColumnIndex()) {
                                cells.add("");
                            }
                            cells.add(render(cell));
                        }
                        fill.accept(row.getRowNum(), cells, sink);
                    } else {
                        finished = true;
                        fill.finish(sink);
                    }
                } catch (RuntimeException e) {
                    finished = true;
                    throw new UncheckedUnreadableFileException(new UnreadableFileException(UnreadableReason.CORRUPT,
                            "Sheet " + sheetName + " cannot be read: " + e, e));
                }
            }
            return !ready.isEmpty();
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        @Override
        public void close() {
            finished = true;
            ready.clear();
        }
    }
}
