package dev.parley.ingress.attachment;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.parley.events.ContentPart;
import dev.parley.events.ContentPartKind;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Images a caller sends inline (OpenAI's {@code image_url} parts on {@code /v1}): a {@code data:} URL is decoded and
 * checked like an uploaded image (type from the bytes, pixel bound, scaled to the model copy's bounds); an
 * {@code https:} URL is passed on for the provider to fetch (Parley never fetches it, so it cannot be pointed at
 * Parley's own network).
 */
@Component
public class InlineImages {

    private final FileTypes types = new FileTypes();
    private final ImageInspection images;
    private final AttachmentProperties properties;

    public InlineImages(AttachmentProperties properties) {
        this.properties = properties;
        this.images = new ImageInspection(properties.modelImageMaxSide(), properties.maxModelImageBytes().toBytes(),
                properties.maxImagePixels());
    }

    /** The most images one request may carry. */
    public int maxPerRequest() {
        return properties.maxImagesPerRequest();
    }

    /** @param field the request field, for the problem's {@code param} */
    public ContentPart part(String url, String field) {
        if (url == null || url.isBlank()) {
            throw ApiProblem.validation(field, "is required");
        }
        if (url.regionMatches(true, 0, "https://", 0, 8)) {
            requireHttps(url, field);
            return ContentPart.newBuilder().setKind(ContentPartKind.IMAGE).setUrl(url).build();
        }
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            throw ApiProblem.validation(field, "must be a data: URL or an https: URL");
        }
        byte[] bytes = decode(url, field);
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_TOO_LARGE, "An image may have at most "
                    + properties.maxFileSize().toBytes() + " bytes").with("param", field);
        }
        FileTypes.Detected detected = types.detect(bytes, null, declaredType(url));
        if (detected.kind() != AttachmentKind.IMAGE) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_TYPE_UNSUPPORTED, "The data URL holds " + detected.mediaType()
                    + ", not a PNG, JPEG or GIF image").with("param", field);
        }
        ImageInspection.Inspected image = images.inspect(bytes, detected.mediaType());
        return ContentPart.newBuilder().setKind(ContentPartKind.IMAGE).setMediaType(image.modelMediaType())
                .setData(ByteBuffer.wrap(image.modelImage())).build();
    }

    private static void requireHttps(String url, String field) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || uri.getUserInfo() != null || url.length() > 2048) {
                throw ApiProblem.validation(field, "must be an https URL with a host and no credentials");
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(field, "is not a URL");
        }
    }

    private static byte[] decode(String url, String field) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw ApiProblem.validation(field, "a data URL must be base64: data:image/png;base64,...");
        }
        try {
            return Base64.getMimeDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_MALFORMED, "The data URL's base64 cannot be decoded")
                    .with("param", field);
        }
    }

    private static String declaredType(String url) {
        String head = url.substring(5, url.indexOf(','));
        return head.split(";", 2)[0];
    }
}
