package dev.parley.ingress.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Checks an uploaded image and makes the copy that models get. The header's dimensions are read first and an image
 * announcing more pixels than allowed is refused before any decoding (a decompression bomb); the rest is decoded
 * subsampled, so memory stays near the size of the model's copy whatever the original. The copy fits
 * {@code maxSide} on its longer side and {@code maxBytes}; an original that already does is used as it is.
 */
final class ImageInspection {

    private final int maxSide;
    private final long maxBytes;
    private final long maxPixels;

    ImageInspection(int maxSide, long maxBytes, long maxPixels) {
        this.maxSide = maxSide;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** @param modelImage the copy models get, with its media type */
    record Inspected(int width, int height, byte[] modelImage, String modelMediaType) {
    }

    Inspected inspect(byte[] content, String mediaType) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw malformed("no decoder recognises it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                    throw new ApiProblem(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH, "The image is " + width + " x "
                            + height + " pixels, more than the " + maxPixels + " an image may have")
                            .with("width", width).with("height", height);
                }
                BufferedImage decoded = decode(reader, width, height);
                return new Inspected(width, height, modelCopy(content, mediaType, decoded, width, height),
                        copyType(content, mediaType, width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw malformed(e.getMessage());
        }
    }

    private BufferedImage decode(ImageReader reader, int width, int height) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            throw malformed("it has no picture");
        }
        return image;
    }

    private boolean usableAsItIs(byte[] content, String mediaType, int width, int height) {
        return Math.max(width, height) <= maxSide && content.length <= maxBytes
                && (mediaType.equals("image/png") || mediaType.equals("image/jpeg"));
    }

    private String copyType(byte[] content, String mediaType, int width, int height) {
        return usableAsItIs(content, mediaType, width, height) ? mediaType : "image/jpeg";
    }

    private byte[] modelCopy(byte[] content, String mediaType, BufferedImage decoded, int width, int height)
            throws IOException {
        if (usableAsItIs(content, mediaType, width, height)) {
            return content;
        }
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int side = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            byte[] jpeg = jpeg(scaled(decoded, w, h), attempt < 2 ? 0.85f : 0.7f);
            if (jpeg.length <= maxBytes) {
                return jpeg;
            }
            scale *= 0.75;
            side = Math.max(w, h);
        }
        throw new ApiProblem(ProblemKind.ATTACHMENT_TOO_LARGE, "The image cannot be made small enough for a model "
                + "(still more than " + maxBytes + " bytes at " + side + " pixels)");
    }

    /** Drawn on white: JPEG has no transparency. */
    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ApiProblem malformed(String reason) {
        return new ApiProblem(ProblemKind.ATTACHMENT_MALFORMED, "The image cannot be read"
                + (reason == null ? "" : ": " + reason));
    }
}
