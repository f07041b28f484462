package org.ladderboard.validation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens an uploaded .zip into its data files without trusting anything it declares: entries and unpacked bytes are
 * counted while reading, so a zip bomb stops at the limit, and names are checked even though nothing is written to
 * disk (they become part labels, and a release bundle re-creates them later).
 */
final class ZipUnpacker {

    private static final Set<String> DATA_EXTENSIONS = Set.of("csv", "jsonl");

    private ZipUnpacker() {
    }

    static boolean looksLikeZip(String fileName, byte[] bytes) {
        boolean magic = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return magic || fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    static List<DataFile> unpack(String zipName, byte[] zip, ValidationSettings limits, Findings findings) {
        List<DataFile> parts = new ArrayList<>();
        Set<String> partNames = new HashSet<>();
        int entries = 0;
        long unpacked = 0;
        String current = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                current = entry.getName();
                if (++entries > limits.maxZipEntries()) {
                    findings.error(Check.ZIP_TOO_MANY_ENTRIES, zipName, null, null, null, null,
                            "the archive has more than " + limits.maxZipEntries() + " entries");
                    return List.of();
                }
                String name = entry.getName();
                if (isSpreadsheetPart(name)) {
                    Spreadsheet.report(zipName, findings);
                    return List.of();
                }
                if (entry.isDirectory() || isPlatformClutter(name)) {
                    continue;
                }
                if (isUnsafe(name)) {
                    findings.error(Check.ZIP_UNSAFE_NAME, zipName, null, null, null, null,
                            "entry '" + printable(name) + "' has an unsafe name");
                    continue;
                }
                DataFile file = new DataFile(name, new byte[0]);
                if (file.extension().equals("zip")) {
                    findings.error(Check.ZIP_NESTED, zipName, null, null, null, null,
                            "entry '" + printable(name) + "' is itself an archive");
                    continue;
                }
                if (!DATA_EXTENSIONS.contains(file.extension())) {
                    findings.warn(Check.ZIP_ENTRY_IGNORED, zipName, null, null, null,
                            "entry '" + printable(name) + "' is not a .csv or .jsonl file and was ignored");
                    continue;
                }
                byte[] bytes = readBounded(in, limits.maxUncompressedBytes() - unpacked);
                if (bytes == null) {
                    findings.error(Check.ZIP_TOO_LARGE, zipName, null, null, null, null,
                            "the archive unpacks to more than " + limits.maxUncompressedBytes() / (1024 * 1024) + " MB");
                    return List.of();
                }
                unpacked += bytes.length;
                if (!partNames.add(file.partName())) {
                    findings.error(Check.ZIP_DUPLICATE_PART, zipName, null, null, null, null,
                            "two entries are both named '" + printable(file.partName()) + "'");
                    continue;
                }
                parts.add(new DataFile(name, bytes));
            }
        } catch (IllegalArgumentException e) {
            // the JDK's way of saying an entry name is not UTF-8
            findings.error(Check.ZIP_INVALID, zipName, null, null, null, null,
                    "an entry name in the archive is not UTF-8 text (an archive made with an old tool?): create the "
                            + "archive again with a current zip tool");
            return List.of();
        } catch (IOException e) {
            // the zip library's own messages ("invalid stored block lengths", or none) mean nothing to a contestant
            findings.error(Check.ZIP_INVALID, zipName, null, null, null, null,
                    "the archive is damaged or cut short"
                            + (current == null ? "" : " (it breaks in entry '" + printable(current) + "')")
                            + ": create it again and upload the whole file");
            return List.of();
        }
        if (parts.isEmpty() && !findings.hasErrors()) {
            findings.error(Check.ZIP_NO_PARTS, zipName, null, null, null, null, "the archive holds no .csv or .jsonl file");
        }
        // parts keep the archive's order: the contestant's own (part-2 before part-10), and what docs/formats.md promises
        return parts;
    }

    /** The entry's bytes, or null when they pass {@code budget}. */
    private static byte[] readBounded(ZipInputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > budget) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Entries only an Excel (.xlsx) or LibreOffice/OpenDocument (.ods) file has: such a "zip" is a spreadsheet. */
    private static boolean isSpreadsheetPart(String name) {
        return name.equals("[Content_Types].xml") || name.startsWith("xl/") || name.equals("mimetype");
    }

    private static boolean isPlatformClutter(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".");
    }

    private static boolean isUnsafe(String name) {
        String normalised = name.replace('\\', '/');
        return normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*") || normalised.equals("..")
                || normalised.startsWith("../") || normalised.contains("/../") || normalised.endsWith("/..")
                || name.chars().anyMatch(c -> c < 0x20);
    }

    private static String printable(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
    }
}
