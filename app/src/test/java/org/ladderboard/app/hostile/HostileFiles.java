package org.ladderboard.app.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Malformed and hostile uploads, generated from a seed: broken quoting, wrong encodings, NUL bytes, huge fields,
 * too many rows, deep zips, zip bombs, path-traversal names, formula and HTML/JS payloads in every text field,
 * Python-literal tricks in {@code classes}, escapes that write a NUL or half a surrogate pair, spreadsheets, and a
 * NUL in the file name. {@code valid} says whether a correct validator accepts the file (hostile
 * content in well-formed files must be accepted, stored as text and never executed).
 */
final class HostileFiles {

    record Hostile(String kind, String fileName, byte[] bytes, boolean valid) {
    }

    static final String[] PAYLOADS = {
        "=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|'/c calc'!A0", "-2+3", "@SUM(1,1)",
        "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "${7*7}", "#{7*7}",
        "{{7*7}}", "'; drop table submission; --", "\u202Eevil\u202C", "\uD83D\uDE00 emoji", "\t\r\n",
    };

    private HostileFiles() {
    }

    static List<Hostile> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Hostile> out = new ArrayList<>();
        int kinds = 21;
        for (int i = 0; i < count; i++) {
            out.add(make(i % kinds, i, random));
        }
        return out;
    }

    private static String row(int i, Random random) {
        return "\"Q" + i + " " + PAYLOADS[random.nextInt(PAYLOADS.length)].replace("\"", "\"\"") + "\",\"[' yes', ' no']\"," + (i % 2) + "\n";
    }

    /** A well-formed file of {@code n} rows whose text is hostile. */
    private static String wellFormed(int n, Random random) {
        StringBuilder csv = new StringBuilder("prompt,classes,answer_index,note\n");
        for (int i = 0; i < n; i++) {
            String r = row(i, random);
            csv.append(r, 0, r.length() - 1).append(",\"").append(PAYLOADS[random.nextInt(PAYLOADS.length)].replace("\"", "\"\"")).append("\"\n");
        }
        return csv.toString();
    }

    private static Hostile make(int kind, int i, Random random) {
        String name = "h" + i;
        return switch (kind) {
            case 0 -> new Hostile("unbalanced quote", name + ".csv", utf8("prompt,classes,answer_index\n" + row(1, random)
                    + "\"never closed," + "x".repeat(random.nextInt(50)) + "\n" + row(2, random)), false);
            case 1 -> new Hostile("text after quote", name + ".csv", utf8("prompt,classes,answer_index\n\"a\"b,\"[' x', ' y']\",0\n"), false);
            case 2 -> new Hostile("latin-1", name + ".csv", ("prompt,classes,answer_index\nCaf\u00e9 " + i + ",\"[' a', ' b']\",0\n")
                    .getBytes(StandardCharsets.ISO_8859_1), false);
            case 3 -> new Hostile("utf-16", name + ".csv", wellFormed(5, random).getBytes(StandardCharsets.UTF_16), false);
            case 4 -> new Hostile("nul bytes", name + ".csv", utf8("prompt,classes,answer_index\nab\0cd,\"[' a', ' b']\",0\n"), false);
            case 5 -> new Hostile("huge field", name + ".csv", utf8("prompt,classes,answer_index\n\"" + "A".repeat(150_000)
                    + "\",\"[' a', ' b']\",0\n"), false);
            case 6 -> new Hostile("random bytes", name + (random.nextBoolean() ? ".csv" : ".jsonl"), randomBytes(random, 2000), false);
            case 7 -> new Hostile("deep zip", name + ".zip", deepZip(5, utf8(wellFormed(10, random))), false);
            case 8 -> new Hostile("zip bomb", name + ".zip", zip(List.of("a.csv", "b.csv", "c.csv", "d.csv", "e.csv"),
                    new byte[60_000_000]), false);
            case 9 -> new Hostile("path traversal", name + ".zip", zip(List.of("../../etc/passwd.csv", "/abs/x.csv", "..\\win.csv"),
                    utf8(wellFormed(10, random))), false);
            case 10 -> new Hostile("payloads in every field", name + ".csv", utf8(wellFormed(10, random)), true);
            case 11 -> new Hostile("python literal tricks", name + ".csv", utf8("prompt,classes,answer_index\n"
                    + "a,\"__import__('os').system('id')\",0\n"
                    + "b,\"[' a', ' b'] + [1] * 10 ** 9\",0\n"
                    + "c,\"" + "[".repeat(5000) + "\",0\n"
                    + "d,\"[lambda: 1, ' b']\",0\n"
                    + "e,\"[f' {x}', ' y']\",0\n"
                    + "f,\"[b' a', ' b']\",0\n"
                    + "g,\"[' a', ' b'\",0\n"
                    + "h,\"(' a', ' b')\",0\n"), false);
            case 12 -> new Hostile("json tricks", name + ".jsonl", utf8("{\"prompt\": \"x\", \"classes\": " + "[".repeat(3000) + "]".repeat(3000)
                    + ", \"answer_index\": 0}\n{\"prompt\": \"y\", \"classes\": [\" a\", \" b\"], \"answer_index\": 1e400}\n"
                    + "{\"prompt\": \"y\", \"prompt\": \"z\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n[1,2,3]\n"), false);
            case 13 -> new Hostile("too many rows", name + ".csv", tooManyRows(), false);
            case 14 -> new Hostile("empty or header only", name + (random.nextBoolean() ? ".csv" : ".jsonl"),
                    utf8(random.nextBoolean() ? "" : "prompt,classes,answer_index\n"), false);
            case 15 -> new Hostile("wrong extension", name + (random.nextBoolean() ? ".xlsx" : ".exe"), utf8(wellFormed(5, random)), false);
            // escapes that write what clean UTF-8 never holds: validation must refuse them, as storage would
            case 16 -> new Hostile("nul escape in jsonl", name + ".jsonl", utf8(jsonl(5) + "{\"prompt\": \"a\\u0000b\", "
                    + "\"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n"), false);
            case 17 -> new Hostile("nul escape in csv classes", name + ".csv", utf8(wellFormed(5, random)
                    + "q,\"[' a" + (random.nextBoolean() ? "\\x00" : "\\0") + "', ' b']\",0,n\n"), false);
            case 18 -> {
                boolean json = random.nextBoolean();
                yield new Hostile("lone surrogate", name + (json ? ".jsonl" : ".csv"), json
                        ? utf8(jsonl(5) + "{\"prompt\": \"half \\ud83d\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n")
                        : utf8(wellFormed(5, random) + "q,\"[' \\udc00', ' b']\",0,n\n"), false);
            }
            case 19 -> new Hostile("spreadsheet", name + (random.nextBoolean() ? ".xlsx" : ".zip"),
                    zip(List.of("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), utf8("<x/>")), false);
            case 20 -> new Hostile("nul in the file name", name + ".csv\u0000.exe", utf8(wellFormed(5, random)), false);
            default -> throw new IllegalArgumentException("no kind " + kind);
        };
    }

    /** {@code n} clean JSONL classification rows. */
    private static String jsonl(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("{\"prompt\": \"Q").append(i).append("\", \"classes\": [\" yes\", \" no\"], \"answer_index\": ").append(i % 2).append("}\n");
        }
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] tooManyRows() {
        StringBuilder csv = new StringBuilder(260_000 * 16).append("prompt,classes,answer_index\n");
        for (int i = 0; i < 210_000; i++) {
            csv.append('q').append(i).append(",\"['a','b']\",0\n");
        }
        return utf8(csv.toString());
    }

    private static byte[] zip(List<String> names, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(content);
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deepZip(int depth, byte[] csv) {
        byte[] inner = zip(List.of("data.csv"), csv);
        for (int d = 1; d < depth; d++) {
            inner = zip(List.of("level" + d + ".zip"), inner);
        }
        return inner;
    }
}
