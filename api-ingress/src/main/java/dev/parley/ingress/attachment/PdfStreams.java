package dev.parley.ingress.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Measures what a PDF's compressed streams expand to before anything reads them whole: PDFBox decodes a stream into
 * memory at once, so a few hundred kilobytes of Flate-compressed content can become gigabytes (a decompression bomb).
 * Each stream is decoded into a counter that stops the document once the total passes the bound. Image streams are
 * skipped: reading text never decodes them.
 */
final class PdfStreams {

    private PdfStreams() {
    }

    /** @throws TooLarge when the document's streams together expand beyond {@code maxBytes} */
    static void requireWithin(PDDocument document, long maxBytes) throws IOException {
        var counter = new Counter(maxBytes);
        for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
            COSBase object = document.getDocument().getObjectFromPool(key).getObject();
            if (object instanceof COSStream stream && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                COSName filter = firstFilter(stream.getFilters());
                if (filter != null) {
                    try (InputStream raw = stream.createRawInputStream()) {
                        FilterFactory.INSTANCE.getFilter(filter).decode(raw, counter, stream, 0);
                    }
                }
            }
        }
    }

    private static COSName firstFilter(COSBase filters) {
        if (filters instanceof COSName name) {
            return name;
        }
        if (filters instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName name) {
            return name;
        }
        return null;
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the PDF's streams expand beyond the bound", null, false, false);
        }
    }

    /** Discards what it is given and counts it, over every stream of the document. */
    private static final class Counter extends OutputStream {

        private final long max;
        private long written;

        Counter(long max) {
            this.max = max;
        }

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count(length);
        }

        private void count(int n) {
            written += n;
            if (written > max) {
                throw new TooLarge();
            }
        }
    }
}
