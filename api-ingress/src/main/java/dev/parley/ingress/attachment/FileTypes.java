package dev.parley.ingress.attachment;

import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * What an upload really is, from its bytes (Apache Tika's magic-number detection), checked against what the
 * client said it is (the part's content type and the file name's extension). Archives and compressed files are
 * refused outright: what they expand to is unbounded (zip bombs) and no model takes them.
 */
final class FileTypes {

    private static final String UNKNOWN = "application/octet-stream";
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar", "application/x-bzip",
            "application/x-bzip2", "application/x-xz", "application/x-lzma", "application/x-tar",
            "application/java-archive", "application/x-compress", "application/zstd", "application/x-lzip",
            "application/x-tika-ooxml", "application/x-tika-msoffice");
    private static final Set<String> TEXTUAL_APPLICATION_TYPES = Set.of("application/json", "application/xml",
            "application/javascript", "application/x-yaml", "application/x-sh", "application/sql");

    private final Tika tika = new Tika();

    /** A detected upload: its family and the media type it is recorded and served with. */
    record Detected(AttachmentKind kind, String mediaType) {
    }

    /**
     * @param declaredType the part's Content-Type; null or {@code application/octet-stream}: not declared
     * @throws ApiProblem when the type is unsupported, an archive, or not what the client declared
     */
    Detected detect(byte[] content, String name, String declaredType) {
        String detected = normalize(tika.detect(content));
        if (ARCHIVES.contains(detected) || detected.startsWith("application/vnd.openxmlformats")
                || detected.startsWith("application/vnd.oasis.opendocument")) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_EXPANDS_TOO_MUCH, "Archives and compressed files ("
                    + detected + ") are not accepted: what they expand to has no bound")
                    .with("detectedType", detected);
        }
        AttachmentKind kind = kindOf(detected);
        if (kind == null) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_TYPE_UNSUPPORTED, "Files of type " + detected
                    + " are not supported; send text, Markdown, CSV, PDF, PNG, JPEG or GIF")
                    .with("detectedType", detected);
        }
        String declared = normalize(declaredType);
        // browsers label some text by the program that opens it (Windows: CSV as application/vnd.ms-excel), so a
        // Content-Type is held against the content only when it names a kind Parley knows; the name always is
        if (kindOf(declared) != null) {
            requireDeclared(detected, kind, declared, "Content-Type");
        }
        requireDeclared(detected, kind, name == null ? UNKNOWN : normalize(tika.detect(name)), "file name");
        return new Detected(kind, kind == AttachmentKind.TEXT ? textType(content, name) : detected);
    }

    private static void requireDeclared(String detected, AttachmentKind kind, String declared, String by) {
        if (declared.equals(UNKNOWN)) {
            return;
        }
        AttachmentKind declaredKind = kindOf(declared);
        boolean sameImage = kind != AttachmentKind.IMAGE || declared.equals(detected);
        if (declaredKind != kind || !sameImage) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_TYPE_MISMATCH, "The " + by + " says " + declared
                    + " but the content is " + detected).with("detectedType", detected).with("declaredType", declared);
        }
    }

    /** Text is recorded as plain text, Markdown or CSV (by its name), never as a type a browser would run. */
    private String textType(byte[] content, String name) {
        String byName = name == null ? "text/plain" : normalize(tika.detect(content, name));
        return switch (byName) {
            case "text/markdown", "text/x-web-markdown", "text/x-markdown" -> "text/markdown";
            case "text/csv" -> "text/csv";
            default -> "text/plain";
        };
    }

    private static AttachmentKind kindOf(String type) {
        if (type.startsWith("text/") || TEXTUAL_APPLICATION_TYPES.contains(type)) {
            return AttachmentKind.TEXT;
        }
        if (type.equals("application/pdf")) {
            return AttachmentKind.PDF;
        }
        if (IMAGES.contains(type)) {
            return AttachmentKind.IMAGE;
        }
        return null;
    }

    private static String normalize(String type) {
        if (type == null || type.isBlank()) {
            return UNKNOWN;
        }
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (bare) {
            case "image/jpg", "image/pjpeg" -> "image/jpeg";
            case "image/x-png" -> "image/png";
            default -> bare;
        };
    }
}
