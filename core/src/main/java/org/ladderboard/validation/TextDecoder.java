package org.ladderboard.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Decodes a data file as strict UTF-8 (a BOM is dropped), naming the line and column of the first bad byte. */
final class TextDecoder {

    private TextDecoder() {
    }

    /** The text, or null after reporting why it is not UTF-8 text. */
    static String decode(DataFile file, String part, Findings findings) {
        byte[] bytes = file.bytes();
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            findings.error(Check.NOT_UTF8, part, null, 1, null, 1, "the file is UTF-16, not UTF-8");
            return null;
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            text = chars.toString();
        } catch (MalformedInputException e) {
            reportBadByte(bytes, start, findings, part);
            return null;
        } catch (CharacterCodingException e) {
            findings.error(Check.NOT_UTF8, part, null, null, null, null, "the file is not UTF-8 text");
            return null;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            int column = nul - (text.lastIndexOf('\n', nul) + 1) + 1;
            findings.error(Check.NUL_BYTE, part, null, line, null, column,
                    "a NUL character at line " + line + ", column " + column);
            return null;
        }
        return text;
    }

    private static void reportBadByte(byte[] bytes, int start, Findings findings, String part) {
        // find the first byte the decoder refused by decoding line by line; lines are short, so this stays cheap
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                ByteBuffer in = ByteBuffer.wrap(bytes, lineStart, i - lineStart);
                CharBuffer out = CharBuffer.allocate(i - lineStart + 1);
                decoder.reset();
                if (decoder.decode(in, out, true).isError()) {
                    int column = out.position() + 1;
                    String hex = String.format("0x%02X", bytes[in.position()] & 0xFF);
                    findings.error(Check.NOT_UTF8, part, null, line, null, column, "byte " + hex + " at line " + line
                            + ", column " + column + " is not UTF-8 (the file looks like Latin-1 or Windows-1252)");
                    return;
                }
                line++;
                lineStart = i + 1;
            }
        }
        findings.error(Check.NOT_UTF8, part, null, null, null, null, "the file is not UTF-8 text");
    }
}
