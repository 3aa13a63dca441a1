package dev.parley.ingress.attachment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of file attachments.
 *
 * @param maxFileSize the largest upload (the original file)
 * @param userQuota what one user may keep stored at once, originals and the derived copies counted
 * @param maxPerConversation files one conversation may hold
 * @param maxPerMessage files one message may carry
 * @param maxImagesPerRequest images one request may send to the model (the new message's first, then the
 *        history's, newest first); bounds the ChatRequested event together with {@code maxModelImageBytes}
 * @param maxModelImageBytes the most one image sent to a model may weigh: larger images are scaled down
 * @param modelImageMaxSide images are scaled to fit this many pixels on their longer side before they go to a model
 *        (what providers do themselves: Anthropic scales beyond 1568 px)
 * @param maxImagePixels an image whose header announces more pixels is refused before it is decoded
 * @param maxTextChars text kept per file (the rest is cut, and the model is told so)
 * @param maxPdfPages a PDF with more pages is refused
 * @param maxPdfMemory memory a PDF may decompress into while its text is read; beyond it the file is refused
 * @param chunkSize the MongoDB store's chunk size
 * @param store {@code mongo}, the service's own database (the default), or {@code s3}, an S3-compatible bucket
 * @param s3 the bucket, with {@code store: s3}
 */
@Validated
@ConfigurationProperties("parley.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") @NotNull DataSize maxFileSize,
        @DefaultValue("100MB") @NotNull DataSize userQuota,
        @DefaultValue("100") @Min(1) int maxPerConversation,
        @DefaultValue("10") @Min(1) int maxPerMessage,
        @DefaultValue("4") @Min(0) int maxImagesPerRequest,
        @DefaultValue("1MB") @NotNull DataSize maxModelImageBytes,
        @DefaultValue("1568") @Min(64) int modelImageMaxSide,
        @DefaultValue("40000000") @Min(1) long maxImagePixels,
        @DefaultValue("200000") @Min(1) int maxTextChars,
        @DefaultValue("300") @Min(1) int maxPdfPages,
        @DefaultValue("64MB") @NotNull DataSize maxPdfMemory,
        @DefaultValue("255KB") @NotNull DataSize chunkSize,
        @DefaultValue("mongo") @NotNull @Pattern(regexp = "mongo|s3", message = "must be mongo or s3") String store,
        @DefaultValue S3Settings s3) {

    /** The defaults, for callers built without Spring (tests). */
    public static AttachmentProperties defaults() {
        return new AttachmentProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(100), 100, 10, 4,
                DataSize.ofMegabytes(1), 1568, 40_000_000, 200_000, 300, DataSize.ofMegabytes(64),
                DataSize.ofKilobytes(255), "mongo", null);
    }
}
