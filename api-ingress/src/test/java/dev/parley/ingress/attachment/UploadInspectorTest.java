package dev.parley.ingress.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** What an upload is, what a model gets of it, and which files are refused. */
class UploadInspectorTest {

    final UploadInspector inspector = new UploadInspector(AttachmentProperties.defaults());

    @Test
    void textMarkdownAndCsvAreReadAsTextWhateverTheirEncoding() {
        var text = inspector.inspect("Grüße aus Köln\n".getBytes(StandardCharsets.UTF_8), "notes.txt", "text/plain");
        assertThat(text.kind()).isEqualTo(AttachmentKind.TEXT);
        assertThat(text.mediaType()).isEqualTo("text/plain");
        assertThat(text.text()).isEqualTo("Grüße aus Köln\n");

        var markdown = inspector.inspect("# Title\n\n* one\n".getBytes(StandardCharsets.UTF_8), "README.md", null);
        assertThat(markdown.mediaType()).isEqualTo("text/markdown");

        // Windows labels CSV by the program that opens it; latin-1 bytes are not UTF-8
        var csv = inspector.inspect("name;city\nJos\u00e9;M\u00e1laga\n".getBytes(StandardCharsets.ISO_8859_1),
                "people.csv", "application/vnd.ms-excel");
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.text()).contains("José;Málaga");
    }

    @Test
    void longTextIsCutAndSaysSo() {
        var properties = new AttachmentProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(100), 100, 10, 4,
                DataSize.ofMegabytes(1), 1568, 40_000_000, 10, 300, DataSize.ofMegabytes(64), DataSize.ofKilobytes(255),
                "mongo", null);
        var inspected = new UploadInspector(properties).inspect("0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                "digits.txt", null);
        assertThat(inspected.text()).isEqualTo("0123456789");
        assertThat(inspected.textTruncated()).isTrue();
    }

    @Test
    void aPdfsTextIsExtractedPageByPage() {
        var pdf = inspector.inspect(TestImages.pdf("First page says hello", "Second page says goodbye"), "talk.pdf",
                "application/pdf");
        assertThat(pdf.kind()).isEqualTo(AttachmentKind.PDF);
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.text()).contains("First page says hello").contains("Second page says goodbye");
    }

    @Test
    void aSmallImageGoesToTheModelAsItIsAndALargeOneScaledDown() throws Exception {
        byte[] small = TestImages.png(300, 200);
        var inspected = inspector.inspect(small, "chart.png", "image/png");
        assertThat(inspected.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(inspected.width()).isEqualTo(300);
        assertThat(inspected.modelImage()).isSameAs(small);

        var large = inspector.inspect(TestImages.gif(4000, 1000), "wide.gif", "image/gif");
        assertThat(large.modelMediaType()).isEqualTo("image/jpeg");
        var copy = ImageIO.read(new ByteArrayInputStream(large.modelImage()));
        assertThat(copy.getWidth()).isEqualTo(1568);
        assertThat(copy.getHeight()).isEqualTo(392);
    }

    @Test
    void mislabelledFilesAreRefused() {
        byte[] pdf = TestImages.pdf("not a picture");
        assertThat(refusal(() -> inspector.inspect(pdf, "holiday.png", null)))
                .isEqualTo(ProblemKind.ATTACHMENT_TYPE_MISMATCH);
        assertThat(refusal(() -> inspector.inspect(pdf, "report.pdf", "image/jpeg")))
                .isEqualTo(ProblemKind.ATTACHMENT_TYPE_MISMATCH);
        assertThat(refusal(() -> inspector.inspect(TestImages.jpeg(20, 20), "photo.png", "image/png")))
                .isEqualTo(ProblemKind.ATTACHMENT_TYPE_MISMATCH);
    }

    @Test
    void unsupportedAndMalformedFilesAreRefused() {
        byte[] executable = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        assertThat(refusal(() -> inspector.inspect(executable, "tool", null)))
                .isEqualTo(ProblemKind.ATTACHMENT_TYPE_UNSUPPORTED);
        byte[] png = TestImages.png(50, 50);
        byte[] cut = java.util.Arrays.copyOf(png, 40);
        assertThat(refusal(() -> inspector.inspect(cut, "cut.png", "image/png")))
                .isEqualTo(ProblemKind.ATTACHMENT_MALFORMED);
        byte[] brokenPdf = "%PDF-1.7\nthis is not really a PDF at all\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(() -> inspector.inspect(brokenPdf, "broken.pdf", null)))
                .isEqualTo(ProblemKind.ATTACHMENT_MALFORMED);
    }

    @Test
    void bombsAreRefusedBeforeTheyExpand() {
        // a zip bomb in miniature: archives are refused whatever their name says
        assertThat(refusal(() -> inspector.inspect(TestImages.zip(10_000_000), "notes.txt", "text/plain")))
                .isEqualTo(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH);
        // an image header announcing 100k x 100k pixels is refused before decoding
        assertThat(refusal(() -> inspector.inspect(TestImages.pngHeaderOnly(100_000, 100_000), "huge.png", null)))
                .isEqualTo(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH);
        // a PDF whose page inflates past the memory bound
        var tight = new AttachmentProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(100), 100, 10, 4,
                DataSize.ofMegabytes(1), 1568, 40_000_000, 200_000, 300, DataSize.ofMegabytes(4),
                DataSize.ofKilobytes(255), "mongo", null);
        byte[] bomb = TestImages.pdfBomb(32 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(refusal(() -> new UploadInspector(tight).inspect(bomb, "bomb.pdf", null)))
                .isEqualTo(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH);
    }

    @Test
    void fileNamesAreReducedToASafeLastSegment() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\ann\\q3 \"final\".pdf")).isEqualTo("q3 final.pdf");
        assertThat(FileNames.clean("line\r\nbreak.txt")).isEqualTo("linebreak.txt");
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean(null)).isEqualTo("file");
    }

    static ProblemKind refusal(Runnable inspection) {
        try {
            inspection.run();
        } catch (ApiProblem problem) {
            return problem.kind();
        }
        throw new AssertionError("not refused");
    }
}
