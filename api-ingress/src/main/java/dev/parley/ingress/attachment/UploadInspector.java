package dev.parley.ingress.attachment;

/**
 * Decides what an upload is and what a model gets of it: detected type, text (text files, PDF), image checks
 * and the image copy for models.
 */
final class UploadInspector {

    private final FileTypes types = new FileTypes();
    private final TextExtraction text;
    private final ImageInspection images;

    UploadInspector(AttachmentProperties properties) {
        this.text = new TextExtraction(properties.maxTextChars(), properties.maxPdfPages(),
                properties.maxPdfMemory().toBytes());
        this.images = new ImageInspection(properties.modelImageMaxSide(), properties.maxModelImageBytes().toBytes(),
                properties.maxImagePixels());
    }

    /**
     * @param text what a model reads of a text or PDF file; null for images
     * @param modelImage the image a model gets (the very {@code content} array when the original is used as it is)
     */
    record Inspected(String name, String mediaType, AttachmentKind kind, String text, boolean textTruncated,
            Integer pages, Integer width, Integer height, byte[] modelImage, String modelMediaType) {
    }

    Inspected inspect(byte[] content, String name, String declaredType) {
        FileTypes.Detected detected = types.detect(content, name, declaredType);
        return switch (detected.kind()) {
            case TEXT -> extracted(name, detected, text.text(content));
            case PDF -> extracted(name, detected, text.pdf(content));
            case IMAGE -> {
                ImageInspection.Inspected image = images.inspect(content, detected.mediaType());
                yield new Inspected(name, detected.mediaType(), detected.kind(), null, false, null, image.width(),
                        image.height(), image.modelImage(), image.modelMediaType());
            }
        };
    }

    private static Inspected extracted(String name, FileTypes.Detected detected, TextExtraction.Extracted text) {
        return new Inspected(name, detected.mediaType(), detected.kind(), text.text(), text.truncated(),
                text.pages(), null, null, null, null);
    }
}
