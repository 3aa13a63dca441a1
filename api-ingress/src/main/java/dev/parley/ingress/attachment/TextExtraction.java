package dev.parley.ingress.attachment;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * The text of text files and PDFs, as the model gets it, cut at a number of characters. A PDF is read by Apache
 * PDFBox after {@link PdfStreams} measured what its compressed streams expand to: a PDF whose streams inflate beyond
 * the bound (a decompression bomb) is refused, as are encrypted ones and those with more pages than allowed.
 */
final class TextExtraction {

    private final int maxChars;
    private final int maxPdfPages;
    private final long maxPdfMemory;

    TextExtraction(int maxChars, int maxPdfPages, long maxPdfMemory) {
        this.maxChars = maxChars;
        this.maxPdfPages = maxPdfPages;
        this.maxPdfMemory = maxPdfMemory;
    }

    /**
     * @param truncated the file had more text than {@code maxChars}
     * @param pages a PDF's pages; null for text
     */
    record Extracted(String text, boolean truncated, Integer pages) {
    }

    Extracted text(byte[] content) {
        String text = decode(content);
        return text.length() > maxChars ? new Extracted(text.substring(0, maxChars), true, null)
                : new Extracted(text, false, null);
    }

    Extracted pdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(maxPdfMemory).streamCache)) {
            if (document.isEncrypted()) {
                throw new ApiProblem(ProblemKind.ATTACHMENT_MALFORMED, "Encrypted PDFs cannot be read");
            }
            PdfStreams.requireWithin(document, maxPdfMemory);
            int pages = document.getNumberOfPages();
            if (pages > maxPdfPages) {
                throw new ApiProblem(ProblemKind.ATTACHMENT_TOO_LARGE, "The PDF has " + pages + " pages, more than the "
                        + maxPdfPages + " a file may have").with("pages", pages);
            }
            var text = new BoundedText(maxChars);
            try {
                new PDFTextStripper().writeText(document, text);
            } catch (BoundedText.Full full) {
                return new Extracted(text.toString(), true, pages);
            }
            return new Extracted(text.toString(), false, pages);
        } catch (ApiProblem problem) {
            throw problem;
        } catch (PdfStreams.TooLarge bomb) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH, "The PDF's content expands beyond "
                    + maxPdfMemory + " bytes");
        } catch (IOException | RuntimeException e) {
            if (exceededMemory(e)) {
                throw new ApiProblem(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH, "The PDF's content expands beyond "
                        + maxPdfMemory + " bytes");
            }
            throw new ApiProblem(ProblemKind.ATTACHMENT_MALFORMED, "The PDF cannot be read: " + e.getMessage());
        }
    }

    private static boolean exceededMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError || cause.getMessage() != null
                    && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("maximum allowed")) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8 (or UTF-16 with its byte order mark); anything else is read as Windows-1252, which decodes any byte. */
    static String decode(byte[] content) {
        if (content.length >= 2 && (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF
                || content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        int from = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, content.length - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** A writer that stops the PDF's text once it holds {@code max} characters. */
    private static final class BoundedText extends Writer {

        private final StringBuilder text = new StringBuilder();
        private final int max;

        BoundedText(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws Full {
            int room = max - text.length();
            text.append(buffer, offset, Math.min(room, length));
            if (length > room) {
                throw new Full();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }

        static final class Full extends IOException {
            Full() {
                super("text limit reached");
            }
        }
    }
}
