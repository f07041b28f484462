package org.ladderboard.validation;

import java.util.Locale;
import java.util.Set;

/**
 * Spreadsheet files (.xlsx and .ods are zips inside, .xls is an OLE2 file) are the most common wrong upload: they get
 * one error that says what the file is and how to export CSV from it, instead of a puzzle about archives.
 */
final class Spreadsheet {

    private static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "xlsb", "xls", "ods", "numbers");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private Spreadsheet() {
    }

    /** By name or by the OLE2 signature of an old .xls; zip-based spreadsheets are also caught by their entries. */
    static boolean looksLikeOne(String fileName, byte[] bytes) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1))) {
            return true;
        }
        if (bytes.length < OLE2.length) {
            return false;
        }
        for (int i = 0; i < OLE2.length; i++) {
            if (bytes[i] != OLE2[i]) {
                return false;
            }
        }
        return true;
    }

    static void report(String fileName, Findings findings) {
        findings.error(Check.SPREADSHEET, fileName, null, null, null, null,
                "'" + fileName + "' is a spreadsheet (Excel, LibreOffice or Numbers), not CSV or JSONL text");
    }
}
