package vn.tonghop.read;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens an OLE2 compound file: an .xls workbook, or an .xlsx that Excel encrypted with a password (Excel
 * wraps those in OLE2 with {@code EncryptionInfo} and {@code EncryptedPackage} streams).
 */
final class OleTableFiles {

    private OleTableFiles() {
    }

    static TableFile open(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString();
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(UnreadableReason.CORRUPT,
                    "File " + name + " is a damaged OLE2 compound file: " + e, e);
        }
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || root.hasEntry("EncryptionInfo")) {
                throw new UnreadableFileException(UnreadableReason.PASSWORD_PROTECTED,
                        "File " + name + " is a password-protected (encrypted) Office document");
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")
                    && !root.hasEntry("BOOK")) {
                throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET,
                        "File " + name + " is an OLE2 document without a workbook stream (a .doc or .ppt?)");
            }
            HSSFWorkbook workbook = new HSSFWorkbook(root, false);
            return XlsTableFile.of(name, workbook, fs);
        } catch (UnreadableFileException e) {
            closeQuietly(fs);
            throw e;
        } catch (EncryptedDocumentException e) {
            closeQuietly(fs);
            throw new UnreadableFileException(UnreadableReason.PASSWORD_PROTECTED,
                    "Workbook " + name + " is password-protected: " + e.getMessage(), e);
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new UnreadableFileException(UnreadableReason.OLD_EXCEL_FORMAT,
                    "Workbook " + name + " is in a pre-BIFF8 format (Excel 5.0/95 or older): " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fs);
            throw new UnreadableFileException(UnreadableReason.CORRUPT,
                    "Workbook " + name + " cannot be read as .xls: " + e, e);
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        try {
            fs.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
